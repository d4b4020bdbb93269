#include "hyoka/limits.h"

namespace hyoka {

namespace {

std::string mib(std::size_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes) + " バイト";
}

}  // namespace

void check_input_size(std::size_t size, const Limits& limits) {
  if (size <= limits.max_bytes) return;
  throw LimitExceeded("LIM001", "max_bytes",
                      "入力が大きすぎます（" + std::to_string(size) + " バイト以上。上限は " +
                          mib(limits.max_bytes) + "、LIM001 max_bytes）。");
}

std::string_view cut_long_lines(std::string_view text, const Limits& limits, std::string& storage,
                                std::vector<LimitNote>& notes) {
  const std::size_t max = limits.max_line_bytes;
  LimitCounter cut("LIM002");
  int line = 0;
  std::size_t copied = 0;  // text[0, copied) is already in storage
  for (std::size_t begin = 0; begin < text.size();) {
    ++line;
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    if (end - begin > max) {
      if (cut.count() == 0) {
        storage.clear();
        storage.reserve(text.size() < 2 * max ? text.size() : 2 * max);
      }
      std::size_t keep = begin + max;
      // back up to the start of a UTF-8 sequence: continuation bytes are 10xxxxxx
      while (keep > begin && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80) --keep;
      storage.append(text.substr(copied, keep - copied));
      copied = end;
      cut.hit(line);
    }
    begin = end + 1;
  }
  if (cut.count() == 0) return text;
  storage.append(text.substr(copied));
  cut.report(notes, [&](std::size_t count) {
    return std::to_string(count) + " 行が長すぎるため、各行の先頭 " + mib(max) +
           " だけを読みました（LIM002 max_line_bytes）。";
  });
  return storage;
}

std::vector<std::string> split_cells(std::string_view line, const Limits& limits, bool& dropped) {
  std::vector<std::string> cells;
  dropped = false;
  std::size_t begin = 0;
  while (true) {
    const std::size_t tab = line.find('\t', begin);
    if (cells.size() + 1 == limits.max_cells_per_row || limits.max_cells_per_row == 0) {
      // the last allowed cell ends at the next tab; everything after it is dropped
      dropped = tab != std::string_view::npos || limits.max_cells_per_row == 0;
      if (limits.max_cells_per_row > 0) cells.emplace_back(line.substr(begin, tab - begin));
      return cells;
    }
    if (tab == std::string_view::npos) {
      cells.emplace_back(line.substr(begin));
      return cells;
    }
    cells.emplace_back(line.substr(begin, tab - begin));
    begin = tab + 1;
  }
}

}  // namespace hyoka
