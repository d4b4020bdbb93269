// Enumerates the documents of a batch in input order: files, directories (recursively, by name),
// zip and tar archives (read in place with libarchive, entries in stored order) and lists of paths.
#include <archive.h>
#include <archive_entry.h>
#include <fnmatch.h>
#include <poll.h>
#include <unistd.h>

#include <fcntl.h>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>

#include "hyoka/batch.h"

namespace hyoka::batch {

namespace fs = std::filesystem;

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool glob_matches(const std::vector<std::string>& globs, const std::string& path) {
  const std::string name = fs::path(path).filename().string();
  return std::any_of(globs.begin(), globs.end(), [&](const std::string& g) {
    return fnmatch(g.c_str(), path.c_str(), 0) == 0 || fnmatch(g.c_str(), name.c_str(), 0) == 0;
  });
}

Document read_file(const std::string& path, bool names_only, std::size_t max_bytes) {
  Document d;
  d.source = path;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    d.error = "ディレクトリです";
    return d;
  }
  std::ifstream f(path, std::ios::binary);
  if (!f) {
    d.error = "ファイルを開けません";
    return d;
  }
  if (names_only) return d;
  try {
    const std::size_t want = max_bytes + 1;  // one byte more tells the parser it is too large
    f.seekg(0, std::ios::end);
    const auto size = f.tellg();
    f.seekg(0, std::ios::beg);
    if (size > 0) {
      d.bytes.resize(std::min(static_cast<std::size_t>(size), want));
      f.read(d.bytes.data(), static_cast<std::streamsize>(d.bytes.size()));
      d.bytes.resize(static_cast<std::size_t>(f.gcount()));
    }
    // the rest of a file that grew since, or whose size the system does not tell
    char chunk[1 << 16];
    while (f && d.bytes.size() < want) {
      f.read(chunk, static_cast<std::streamsize>(std::min(sizeof chunk, want - d.bytes.size())));
      d.bytes.append(chunk, static_cast<std::size_t>(f.gcount()));
    }
  } catch (const std::exception&) {
    d.error = "ファイルの読み込み中にエラーが発生しました";
  }
  if (f.bad()) d.error = "ファイルの読み込み中にエラーが発生しました";
  if (!d.error.empty()) d.bytes.clear();
  return d;
}

// One enumeration: what to read, where to send it, and which files are the batch's own.
struct Walk {
  const InputOptions& options;
  bool names_only;
  const std::function<bool(Document&&)>& fn;
  std::vector<fs::path> own;  // own outputs and their NAME.tmp, made absolute and normal

  static fs::path normal(const fs::path& p) {
    std::error_code ec;
    fs::path n = fs::weakly_canonical(p, ec);
    return ec ? fs::absolute(p, ec).lexically_normal() : n;
  }
  Walk(const InputOptions& o, bool names, const std::function<bool(Document&&)>& f)
      : options(o), names_only(names), fn(f) {
    for (const auto& out : o.own_outputs) {
      if (out.empty() || out == "-") continue;
      own.push_back(normal(out));
      own.push_back(normal(out + ".tmp"));
    }
  }
  // A file the batch writes: compared by name first, the full path only when the name is one.
  bool is_own(const fs::path& p) const {
    const fs::path name = p.filename();
    if (std::none_of(own.begin(), own.end(),
                     [&](const fs::path& o) { return o.filename() == name; }))
      return false;
    const fs::path n = normal(p);
    return std::find(own.begin(), own.end(), n) != own.end();
  }
};

struct ArchiveCloser {
  void operator()(archive* a) const { archive_read_free(a); }
};

// Entries of one archive in stored order; false when `fn` asked to stop.
bool each_entry(const Walk& w, const std::string& path) {
  const auto& fn = w.fn;
  if (w.names_only && is_compressed_archive_name(path)) {
    Document d;  // counting does not decompress it: the reader will
    d.source = path;
    d.unopened = true;
    return fn(std::move(d));
  }
  std::unique_ptr<archive, ArchiveCloser> a(archive_read_new());
  archive_read_support_filter_all(a.get());
  archive_read_support_format_zip(a.get());
  archive_read_support_format_tar(a.get());
  archive_read_support_format_gnutar(a.get());
  if (archive_read_open_filename(a.get(), path.c_str(), 1 << 16) != ARCHIVE_OK) {
    Document d;
    d.source = path;
    d.error = std::string("アーカイブを開けません: ") + archive_error_string(a.get());
    return fn(std::move(d));
  }
  archive_entry* entry = nullptr;
  while (true) {
    const int r = archive_read_next_header(a.get(), &entry);
    if (r == ARCHIVE_EOF) return true;
    if (r < ARCHIVE_WARN) {
      Document d;
      d.source = path;
      d.error = std::string("アーカイブが壊れています（以降のエントリを読めません）: ") +
                archive_error_string(a.get());
      return fn(std::move(d));
    }
    if (archive_entry_filetype(entry) != AE_IFREG) continue;
    const char* name_c = archive_entry_pathname(entry);
    const std::string name = name_c != nullptr ? name_c : "";
    if (!selected(w.options, name)) continue;
    Document d;
    d.source = path + "!/" + name;
    if (!w.names_only) {
      const std::size_t want = w.options.max_bytes + 1;
      if (archive_entry_size_is_set(entry) && archive_entry_size(entry) > 0) {
        d.bytes.reserve(std::min(static_cast<std::size_t>(archive_entry_size(entry)), want));
      }
      char buf[1 << 16];
      while (true) {
        const la_ssize_t n = archive_read_data(a.get(), buf, sizeof buf);
        if (n == 0) break;
        if (n < 0) {
          d.bytes.clear();
          d.error =
              std::string("アーカイブのエントリを読めません: ") + archive_error_string(a.get());
          break;
        }
        d.bytes.append(buf, std::min(static_cast<std::size_t>(n), want - d.bytes.size()));
        if (d.bytes.size() >= want) break;  // past the limit: the rest is not read
      }
      if (!d.error.empty()) {
        // the stream position is lost: report this entry and stop reading the archive
        fn(std::move(d));
        return true;
      }
    }
    if (!fn(std::move(d))) return false;
  }
}

bool each_in_directory(const Walk& w, const fs::path& root, const fs::path& dir) {
  std::vector<fs::directory_entry> entries;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    entries.push_back(*it);
  }
  if (ec) {
    Document d;
    d.source = dir.string();
    d.error = "ディレクトリを読めません: " + ec.message();
    return w.fn(std::move(d));
  }
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
  for (const auto& e : entries) {
    std::error_code type_ec;
    if (e.is_directory(type_ec)) {
      if (e.is_symlink(type_ec)) continue;  // no cycles
      if (!w.options.hidden && is_hidden_path(e.path().filename().string())) continue;
      if (!each_in_directory(w, root, e.path())) return false;
      continue;
    }
    if (!e.is_regular_file(type_ec) || w.is_own(e.path())) continue;
    const std::string path = e.path().string();
    if (is_archive_name(path)) {
      if (!each_entry(w, path)) return false;
      continue;
    }
    if (!selected(w.options, e.path().lexically_relative(root).string())) continue;
    if (!w.fn(read_file(path, w.names_only, w.options.max_bytes))) return false;
  }
  return true;
}

bool each_input(const Walk& w, const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return each_in_directory(w, path, path);
  if (w.is_own(path)) return true;
  if (is_archive_name(path) && fs::is_regular_file(path, ec)) return each_entry(w, path);
  return w.fn(read_file(path, w.names_only, w.options.max_bytes));
}

// The lines of the --files-from list, read from a descriptor as they arrive. Waiting for more
// never blocks for longer than 100 ms without asking `cancelled`.
class ListReader {
 public:
  ListReader(int fd, const std::function<bool()>& cancelled) : fd_(fd), cancelled_(cancelled) {}

  // The next line without its newline; false at the end of the list or when cancelled.
  bool next(std::string& line) {
    while (true) {
      const std::size_t nl = buf_.find('\n', used_);
      if (nl != std::string::npos) {
        line.assign(buf_, used_, nl - used_);
        used_ = nl + 1;
        return true;
      }
      if (eof_) {
        if (used_ >= buf_.size()) return false;
        line.assign(buf_, used_);  // a last line without its newline
        used_ = buf_.size();
        return true;
      }
      buf_.erase(0, used_);
      used_ = 0;
      if (!fill()) return false;
    }
  }

 private:
  bool fill() {
    while (true) {
      if (cancelled_ && cancelled_()) return false;
      pollfd p{fd_, POLLIN, 0};
      const int ready = ::poll(&p, 1, 100);
      if (ready < 0 && errno != EINTR)
        throw InputListError(std::string("入力一覧を読めません: ") + std::strerror(errno));
      if (ready <= 0) continue;
      char chunk[1 << 14];
      const ssize_t n = ::read(fd_, chunk, sizeof chunk);
      if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
      if (n < 0) throw InputListError(std::string("入力一覧を読めません: ") + std::strerror(errno));
      if (n == 0) {
        eof_ = true;
        return true;
      }
      buf_.append(chunk, static_cast<std::size_t>(n));
      return true;
    }
  }

  int fd_;
  const std::function<bool()>& cancelled_;
  std::string buf_;
  std::size_t used_ = 0;
  bool eof_ = false;
};

struct FdCloser {
  int fd;
  ~FdCloser() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

bool is_archive_name(std::string_view name) {
  const std::string n = lower(name);
  return ends_with(n, ".zip") || ends_with(n, ".tar") || is_compressed_archive_name(name);
}

bool is_hidden_path(std::string_view relative_path) {
  std::size_t start = 0;
  while (start < relative_path.size()) {
    const std::size_t slash = relative_path.find('/', start);
    const std::string_view part = relative_path.substr(
        start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (part.size() > 1 && part[0] == '.' && part != "..") return true;
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return false;
}

bool selected(const InputOptions& options, std::string_view relative_path) {
  if (!options.hidden && is_hidden_path(relative_path)) return false;
  const std::string path(relative_path);
  if (!options.include.empty() && !glob_matches(options.include, path)) return false;
  return !glob_matches(options.exclude, path);
}

bool is_compressed_archive_name(std::string_view name) {
  const std::string n = lower(name);
  for (const char* suffix :
       {".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz", ".tar.zst"}) {
    if (ends_with(n, suffix)) return true;
  }
  return false;
}

void for_each_document(const InputOptions& options, Reading reading,
                       const std::function<bool(Document&&)>& fn,
                       const std::function<bool()>& cancelled) {
  const Walk w(options, reading == Reading::Names, fn);
  for (const auto& path : options.paths) {
    if (!each_input(w, path)) return;
  }
  if (options.files_from.empty()) return;
  FdCloser file{-1};
  int fd = STDIN_FILENO;
  if (options.files_from != "-") {
    file.fd = ::open(options.files_from.c_str(), O_RDONLY | O_CLOEXEC);
    if (file.fd < 0) throw InputListError("入力一覧を開けません: " + options.files_from);
    fd = file.fd;
  }
  ListReader list(fd, cancelled);
  std::string line;
  while (list.next(line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    if (!each_input(w, line)) return;
  }
}

}  // namespace hyoka::batch
