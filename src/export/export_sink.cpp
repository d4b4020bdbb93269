// The export sink of a batch (rows computed on the workers, written in order) and `hyoka export`
// from an existing JSON Lines file.
#include <fstream>

#include "hyoka/export.h"

namespace hyoka::exporter {

using nlohmann::json;

ExportSink::ExportSink(const ExportOptions& options) : counts_(tables().size(), 0) {
  if (!options.csv_dir.empty()) writers_.push_back(make_csv_writer(options.csv_dir, options.excel));
  if (!options.sqlite.empty()) writers_.push_back(make_sqlite_writer(options.sqlite));
}

ExportSink::~ExportSink() = default;

std::shared_ptr<void> ExportSink::prepare(const json& record) const {
  return std::make_shared<std::vector<Row>>(rows_of(record));
}

void ExportSink::write(const std::shared_ptr<void>& prepared) {
  const auto& rows = *static_cast<const std::vector<Row>*>(prepared.get());
  if (rows.empty()) return;
  // the same content twice (an archive holding a document under two names): its rows once
  if (!seen_.insert(std::get<std::string>(rows.front().values.front())).second) {
    ++duplicates_;
    return;
  }
  for (const Row& row : rows) {
    ++counts_[row.table];
    for (auto& w : writers_) w->write(row);
  }
}

void ExportSink::finish() {
  for (auto& w : writers_) w->finish();
}

std::size_t export_jsonl(const std::string& path, ExportSink& sink, std::size_t& bad_lines) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw batch::InputListError("JSON Lines ファイルを開けません: " + path);
  std::size_t records = 0;
  bad_lines = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const json record = json::parse(line, nullptr, false);
    if (!record.is_object()) {
      ++bad_lines;
      continue;
    }
    sink.write(sink.prepare(record));
    ++records;
  }
  sink.finish();
  return records;
}

}  // namespace hyoka::exporter
