// The JSON Lines output of a batch: written under a temporary name and renamed when complete.
#include <cerrno>
#include <cstring>

#include "batch_internal.h"

namespace hyoka::batch {

namespace {
constexpr std::size_t kBuffer = 1 << 20;
}

OutputFile::OutputFile(const std::string& path) : path_(path) {
  if (path_ == "-") {
    f_ = stdout;
    std::setvbuf(f_, nullptr, _IOFBF, kBuffer);
    return;
  }
  tmp_ = path_ + ".tmp";
  f_ = std::fopen(tmp_.c_str(), "wb");
  if (f_ == nullptr) {
    throw OutputError("出力ファイル " + path_ + " を作成できません: " + std::strerror(errno));
  }
  std::setvbuf(f_, nullptr, _IOFBF, kBuffer);
}

OutputFile::~OutputFile() {
  if (finished_ || f_ == nullptr || f_ == stdout) return;
  std::fclose(f_);
  std::remove(tmp_.c_str());
}

void OutputFile::write_line(std::string_view line) {
  if (std::fwrite(line.data(), 1, line.size(), f_) != line.size() || std::fputc('\n', f_) == EOF) {
    throw OutputError("出力ファイル " + (path_ == "-" ? std::string("<標準出力>") : path_) +
                      " に書き込めません: " + std::strerror(errno));
  }
}

void OutputFile::finish() {
  if (finished_) return;
  if (f_ == stdout) {
    finished_ = true;
    if (std::fflush(f_) != 0) throw OutputError("標準出力に書き込めません");
    return;
  }
  const bool ok = std::fflush(f_) == 0 && std::ferror(f_) == 0;
  const bool closed = std::fclose(f_) == 0;
  f_ = nullptr;
  finished_ = true;
  if (!ok || !closed || std::rename(tmp_.c_str(), path_.c_str()) != 0) {
    std::remove(tmp_.c_str());
    throw OutputError("出力ファイル " + path_ + " に書き込めません: " + std::strerror(errno));
  }
}

}  // namespace hyoka::batch
