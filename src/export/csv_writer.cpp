// CSV export: one RFC 4180 file per table in a directory, written under temporary names and
// renamed when complete; --excel starts each file with a UTF-8 BOM so that Excel reads Japanese.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "hyoka/export.h"

namespace hyoka::exporter {

namespace {

class CsvWriter : public ExportSink::Writer {
 public:
  CsvWriter(const std::string& dir, bool excel) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    for (const Table& t : tables()) {
      const std::string path = (std::filesystem::path(dir) / (t.name + ".csv")).string();
      File f{path, path + ".tmp", std::fopen((path + ".tmp").c_str(), "wb")};
      if (f.f == nullptr) {
        close_all();
        throw batch::OutputError("CSV ファイル " + path +
                                 " を作成できません: " + std::strerror(errno));
      }
      files_.push_back(f);
      std::string header = excel ? "\xEF\xBB\xBF" : "";
      for (std::size_t i = 0; i < t.columns.size(); ++i) {
        header += (i > 0 ? "," : "") + t.columns[i].name;
      }
      put(files_.back(), header + "\r\n");
    }
  }
  ~CsvWriter() override { close_all(); }

  void write(const Row& row) override {
    std::string line;
    for (std::size_t i = 0; i < row.values.size(); ++i) {
      if (i > 0) line += ',';
      line += csv_field(row.values[i]);
    }
    line += "\r\n";
    put(files_[row.table], line);
  }

  void finish() override {
    for (File& f : files_) {
      const bool ok = std::fclose(f.f) == 0;
      f.f = nullptr;
      if (!ok || std::rename(f.tmp.c_str(), f.path.c_str()) != 0) {
        throw batch::OutputError("CSV ファイル " + f.path + " に書き込めません");
      }
    }
  }

 private:
  struct File {
    std::string path, tmp;
    std::FILE* f = nullptr;
  };

  void put(const File& f, const std::string& s) {
    if (std::fwrite(s.data(), 1, s.size(), f.f) != s.size()) {
      throw batch::OutputError("CSV ファイル " + f.path +
                               " に書き込めません: " + std::strerror(errno));
    }
  }
  void close_all() {
    for (File& f : files_) {
      if (f.f == nullptr) continue;
      std::fclose(f.f);
      f.f = nullptr;
      std::remove(f.tmp.c_str());
    }
  }

  std::vector<File> files_;
};

}  // namespace

std::unique_ptr<ExportSink::Writer> make_csv_writer(const std::string& dir, bool excel) {
  return std::make_unique<CsvWriter>(dir, excel);
}

}  // namespace hyoka::exporter
