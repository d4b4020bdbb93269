// Enumerates the documents of a batch in input order: files, directories (recursively, by name),
// zip and tar archives (read in place with libarchive, entries in stored order) and lists of paths.
#include <archive.h>
#include <archive_entry.h>
#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
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

Document read_file(const std::string& path, bool names_only) {
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
    f.seekg(0, std::ios::end);
    const auto size = f.tellg();
    f.seekg(0, std::ios::beg);
    if (size > 0) d.bytes.reserve(static_cast<std::size_t>(size));
    d.bytes.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
  } catch (const std::exception&) {
    d.error = "ファイルの読み込み中にエラーが発生しました";
  }
  if (f.bad()) d.error = "ファイルの読み込み中にエラーが発生しました";
  if (!d.error.empty()) d.bytes.clear();
  return d;
}

struct ArchiveCloser {
  void operator()(archive* a) const { archive_read_free(a); }
};

// Entries of one archive in stored order; false when `fn` asked to stop.
bool each_entry(const InputOptions& options, const std::string& path, bool names_only,
                const std::function<bool(Document&&)>& fn) {
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
    if (!selected(options, name)) continue;
    Document d;
    d.source = path + "!/" + name;
    if (!names_only) {
      if (archive_entry_size_is_set(entry) && archive_entry_size(entry) > 0) {
        d.bytes.reserve(static_cast<std::size_t>(archive_entry_size(entry)));
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
        d.bytes.append(buf, static_cast<std::size_t>(n));
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

bool each_in_directory(const InputOptions& options, const fs::path& root, const fs::path& dir,
                       bool names_only, const std::function<bool(Document&&)>& fn) {
  std::vector<fs::directory_entry> entries;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    entries.push_back(*it);
  }
  if (ec) {
    Document d;
    d.source = dir.string();
    d.error = "ディレクトリを読めません: " + ec.message();
    return fn(std::move(d));
  }
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
  for (const auto& e : entries) {
    std::error_code type_ec;
    if (e.is_directory(type_ec)) {
      if (e.is_symlink(type_ec)) continue;  // no cycles
      if (!each_in_directory(options, root, e.path(), names_only, fn)) return false;
      continue;
    }
    if (!e.is_regular_file(type_ec)) continue;
    const std::string path = e.path().string();
    if (is_archive_name(path)) {
      if (!each_entry(options, path, names_only, fn)) return false;
      continue;
    }
    if (!selected(options, e.path().lexically_relative(root).string())) continue;
    if (!fn(read_file(path, names_only))) return false;
  }
  return true;
}

bool each_input(const InputOptions& options, const std::string& path, bool names_only,
                const std::function<bool(Document&&)>& fn) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return each_in_directory(options, path, path, names_only, fn);
  if (is_archive_name(path) && fs::is_regular_file(path, ec)) {
    return each_entry(options, path, names_only, fn);
  }
  return fn(read_file(path, names_only));
}

}  // namespace

bool is_archive_name(std::string_view name) {
  const std::string n = lower(name);
  for (const char* suffix :
       {".zip", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz", ".tar.zst"}) {
    if (ends_with(n, suffix)) return true;
  }
  return false;
}

bool selected(const InputOptions& options, std::string_view relative_path) {
  const std::string path(relative_path);
  if (!options.include.empty() && !glob_matches(options.include, path)) return false;
  return !glob_matches(options.exclude, path);
}

void for_each_document(const InputOptions& options, bool names_only,
                       const std::function<bool(Document&&)>& fn) {
  for (const auto& path : options.paths) {
    if (!each_input(options, path, names_only, fn)) return;
  }
  if (options.files_from.empty()) return;
  std::ifstream file;
  std::istream* list = &std::cin;
  if (options.files_from != "-") {
    file.open(options.files_from);
    if (!file) throw InputListError("入力一覧を開けません: " + options.files_from);
    list = &file;
  }
  std::string line;
  while (std::getline(*list, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    if (!each_input(options, line, names_only, fn)) return;
  }
}

}  // namespace hyoka::batch
