// The `hyoka batch` and `hyoka export` subcommands (issue 6), kept apart from main.cpp.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>

#include "hyoka/parse.h"

namespace hyoka::cli {

class BatchCommands {
 public:
  virtual ~BatchCommands() = default;
  virtual bool parsed() const = 0;
  // The exit code (README: batch 0/1/2/3/5/130/143, export 0/2/3/5).
  virtual int run(const Parser& parser) = 0;
};

// Registers both subcommands on `app`; their options live in the returned object.
std::unique_ptr<BatchCommands> add_batch_commands(CLI::App& app);

}  // namespace hyoka::cli
