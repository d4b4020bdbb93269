// The progress bar of a batch on stderr (only when asked for: a terminal and no --quiet).
#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "batch_internal.h"

namespace hyoka::batch {

namespace {

std::string clock_text(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  }
  return buf;
}

}  // namespace

Progress::Progress(const Options& options, const std::atomic<int>& stop)
    : enabled_(options.progress),
      start_(std::chrono::steady_clock::now()),
      last_(start_ - std::chrono::seconds(1)) {
  if (!enabled_) return;
  // a list on stdin or in a pipe can be read only once, by the reader
  const std::string& list = options.inputs.files_from;
  std::error_code ec;
  if (!list.empty() && (list == "-" || !std::filesystem::is_regular_file(list, ec))) return;
  counter_ = std::thread([this, &options, &stop] {
    try {
      bool complete = true;
      for_each_document(
          options.inputs, Reading::Names,
          [&](Document&& d) {
            if (d.unopened) {
              complete = false;  // its entries are counted by the reader
            } else {
              ++total_;
            }
            return !quit_ && stop.load() == 0;
          },
          [&] { return quit_ || stop.load() != 0; });
      total_known_ = complete && !quit_ && stop.load() == 0;
    } catch (const std::exception&) {
      // the reader reports the same problem
    }
  });
}

void Progress::set_total(std::size_t total) {
  read_total_ = total;
  read_total_known_ = true;
}

Progress::~Progress() {
  quit_ = true;
  if (counter_.joinable()) counter_.join();
}

void Progress::update(const Summary& s) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  draw(s);
}

void Progress::draw(const Summary& s) {
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const std::size_t done = s.documents + s.skipped_shard;
  const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0;
  const bool known = total_known_ || read_total_known_;
  // while unknown, the documents counted so far (or done) are a lower bound
  const std::size_t total = read_total_known_ ? read_total_.load()
                            : total_known_    ? total_.load()
                                              : std::max<std::size_t>(total_, done);
  constexpr int kWidth = 24;
  std::string bar;
  int filled = 0;
  if (known && total > 0)
    filled = static_cast<int>(kWidth * std::min<double>(1.0, 1.0 * done / total));
  for (int i = 0; i < kWidth; ++i) bar += i < filled ? "#" : "-";
  std::string eta = "?";
  if (known && rate > 0 && total >= done)
    eta = clock_text(static_cast<double>(total - done) / rate);
  char line[256];
  std::snprintf(line, sizeof line, "\r[%s] %zu/%s  %.0f 文書/秒  残り %s  失敗 %zu\x1b[K",
                bar.c_str(), done,
                known ? std::to_string(total).c_str() : (std::to_string(total) + "+").c_str(), rate,
                eta.c_str(), s.failed);
  std::fputs(line, stderr);
  std::fflush(stderr);
}

void Progress::finish(const Summary& s) {
  if (!enabled_) return;
  draw(s);
  std::fputs("\n", stderr);
  std::fflush(stderr);
}

}  // namespace hyoka::batch
