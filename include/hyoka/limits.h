// Hard limits for hostile input (issue 7). hyoka reads text from the internet and from broken
// extractors in unattended batch jobs: whatever the bytes, a document is parsed in time linear in
// its size and in bounded memory, or rejected with a message that names the limit.
//
// Past a limit the document is either rejected (LimitExceeded, exit code 5 in the CLI) or read
// truncated, with a LIM diagnostic in `diagnostics` that says which limit and where
// (docs/diagnostics.md):
//
//   LIM001  max_bytes            rejected: the input is larger than the limit
//   LIM002  max_line_bytes       truncated: the line is cut at the limit (on a UTF-8 boundary)
//   LIM003  max_html_depth       the cell's markup is flattened by a linear tag stripper instead
//                                of an HTML parser (text kept, structure lost)
//   LIM004  max_cells_per_row    truncated: the row's cells past the limit are dropped
//   LIM005  max_group_instances  truncated: each file, group or risk past the limit is skipped
//                                with its fields; the rest of the document is read
//   LIM006  (no setting)         a count too large to be a number (`( 99999999999999999999 ) 件`,
//                                more than kMaxCountDigits digits) is read as null
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hyoka {

struct Limits {
  // LIM001. Real assessments are well under 1 MiB of text; 32 MiB leaves room for a whole
  // archive's worth of one document and keeps one parse under about 300 MB of memory.
  std::size_t max_bytes = 32u << 20;
  // LIM002. A page printed as one line is a few KiB; a whole document on one line some 200 KiB.
  std::size_t max_line_bytes = 1u << 20;
  // LIM003. The deepest real OCR cell nests a handful of elements.
  std::size_t max_html_depth = 512;
  // LIM004. The forms' tables have at most a dozen columns.
  std::size_t max_cells_per_row = 256;
  // LIM005. Files, systems, 委託事項, 提供先/移転先, Ⅲ blocks and risks of one document together;
  // group numbers themselves stop at 999.
  std::size_t max_group_instances = 2000;
};

// LIM006: the most digits a count may have (10^15 - 1 fits a double exactly, as JSON readers need).
inline constexpr std::size_t kMaxCountDigits = 15;

// A limit that rejects the whole document. `code()` is the diagnostic code (LIM001), `what()` a
// Japanese message for end users that names the limit, its value and the input's size.
class LimitExceeded : public std::runtime_error {
 public:
  LimitExceeded(std::string code, std::string limit, const std::string& message)
      : std::runtime_error(message), code_(std::move(code)), limit_(std::move(limit)) {}
  const std::string& code() const { return code_; }    // "LIM001"
  const std::string& limit() const { return limit_; }  // "max_bytes"

 private:
  std::string code_;
  std::string limit_;
};

// A limit that truncated the document (LIM002–LIM006): reported as one diagnostic per code,
// however often the limit was hit (the message gives the count, `line` the first place).
struct LimitNote {
  std::string code;     // LIM002 …
  std::string message;  // Japanese, names the limit and its value
  int line = 0;         // 1-based input line of the first hit, 0 when not tied to one
};

// Counts the hits of one truncating limit; report() adds one LimitNote for all of them.
class LimitCounter {
 public:
  explicit LimitCounter(std::string code) : code_(std::move(code)) {}
  void hit(int line) {
    if (count_++ == 0) first_line_ = line;
  }
  std::size_t count() const { return count_; }
  // `message(count)` builds the note's text.
  template <class Message>
  void report(std::vector<LimitNote>& notes, Message message) const {
    if (count_ > 0) notes.push_back({code_, message(count_), first_line_});
  }

 private:
  std::string code_;
  std::size_t count_ = 0;
  int first_line_ = 0;
};

// Throws LimitExceeded (LIM001) when `size` bytes are more than limits.max_bytes.
void check_input_size(std::size_t size, const Limits& limits);

// Lines longer than limits.max_line_bytes cut at the limit (never inside a UTF-8 sequence); one
// LIM002 note for all of them appended to `notes`. Returns `text` itself (no copy) when no line is
// too long; `storage` holds the cut text otherwise.
std::string_view cut_long_lines(std::string_view text, const Limits& limits, std::string& storage,
                                std::vector<LimitNote>& notes);

// The tab-separated cells of one line, at most limits.max_cells_per_row of them (the rest
// dropped, without splitting them first). `dropped` reports whether any were.
std::vector<std::string> split_cells(std::string_view line, const Limits& limits, bool& dropped);

}  // namespace hyoka
