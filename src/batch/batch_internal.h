// Pieces of the batch run that only src/batch uses: the output file and the progress bar.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>
#include <thread>

#include "hyoka/batch.h"

namespace hyoka::batch {

// nlohmann's dump(-1, ' ', false, error_handler_t::replace), byte for byte, faster.
std::string json_line(const nlohmann::json& j);

// JSON Lines output: stdout ("-"), or a temporary file renamed to its name by finish(). A file
// never finished (an exception) is removed.
class OutputFile {
 public:
  explicit OutputFile(const std::string& path);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  void write_line(std::string_view line);  // throws OutputError
  void finish();                           // throws OutputError

 private:
  std::string path_;
  std::string tmp_;
  std::FILE* f_ = nullptr;
  bool finished_ = false;
};

// The progress bar on stderr: done/total, rate, ETA and failures. Counts the documents in a
// background thread (names only) so that the total is known early; a compressed archive is not
// decompressed just to count its entries: the total is then shown as a lower bound (`N+`) until
// the reader has enumerated everything (set_total). Disabled unless asked for.
class Progress {
 public:
  Progress(const Options& options, const std::atomic<int>& stop);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  void update(const Summary& s);      // redraws at most every 100 ms
  void set_total(std::size_t total);  // the reader's count once it has read the whole input
  void finish(const Summary& s);      // erases the bar

 private:
  void draw(const Summary& s);
  bool enabled_;
  std::atomic<std::size_t> total_{0};
  std::atomic<bool> total_known_{false};
  std::atomic<std::size_t> read_total_{0};
  std::atomic<bool> read_total_known_{false};
  std::atomic<bool> quit_{false};
  std::thread counter_;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace hyoka::batch
