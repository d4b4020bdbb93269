// Batch conversion of whole archives (issue 6): inputs (files, directories, zip/tar archives read
// in place, lists of paths) are converted by worker threads and written as JSON Lines in input
// order, one record per document; a document that cannot be converted becomes an error record.
// Memory stays bounded: at most `window` documents are in flight between reading and writing.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "hyoka/limits.h"
#include "hyoka/parse.h"

namespace hyoka::batch {

// ---- inputs ---------------------------------------------------------------------------------

struct InputOptions {
  std::vector<std::string> paths;    // files, directories, archives, in the order given
  std::string files_from;            // a file listing one input per line ("-": stdin), or empty
  std::vector<std::string> include;  // globs for files found in directories and archives
  std::vector<std::string> exclude;
  // Hidden files and directories (a name starting with '.', as `.git/` or the `._NAME` files macOS
  // puts into zip archives) found in directories and archives are skipped unless this is set.
  // A hidden file named explicitly or listed is always read.
  bool hidden = false;
  // Files the batch writes (OUT, the SQLite database, the CSV tables): never read as inputs, nor
  // their temporary NAME.tmp (also one a killed run left behind), wherever they are found.
  std::vector<std::string> own_outputs;
  // At most this many bytes + 1 are read of one document (file or archive entry): a larger one is
  // rejected by the parser (LIM001) without holding the rest. Set from ParseOptions::limits.
  std::size_t max_bytes = Limits{}.max_bytes;
};

// One document as read. `error` is set when it could not be read (the bytes are then empty).
struct Document {
  std::string source;  // path; an archive entry is "ARCHIVE!/ENTRY"
  std::string bytes;
  std::string error;  // Japanese message, empty when read
  // Counting (Reading::Names) does not decompress a compressed archive: it is one Document,
  // `unopened`, whose entries are not counted.
  bool unopened = false;
};

enum class Reading {
  Bytes,  // every document with its bytes
  Names,  // names only, for counting: the bytes are not read, compressed archives not opened
};

// The list of inputs itself cannot be read (--files-from): the batch cannot start.
struct InputListError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// True for names libarchive reads in place: .zip .tar .tar.gz .tgz .tar.bz2 .tar.xz .tar.zst.
bool is_archive_name(std::string_view name);

// True when a component of the path (below the input directory or inside an archive) is hidden:
// a name starting with '.' ("." and ".." excepted).
bool is_hidden_path(std::string_view relative_path);

// The file is not hidden (unless options.hidden) and the globs (fnmatch, `*` also crosses `/`)
// select it by its name or by its path below the input.
bool selected(const InputOptions& options, std::string_view relative_path);

// True for the archive names is_archive_name() accepts that are compressed (.tar.gz, .tgz, …):
// enumerating their entries means decompressing them.
bool is_compressed_archive_name(std::string_view name);

// Calls `fn` for every document in input order: a directory recursively in name order, an archive
// in stored order. `fn` returns false to stop. The --files-from list is read as it arrives and
// `cancelled` is asked at least every 100 ms while waiting for it (a list on stdin may never
// end): when it returns true, reading stops. Throws InputListError when the list cannot be opened
// or read.
void for_each_document(const InputOptions& options, Reading reading,
                       const std::function<bool(Document&&)>& fn,
                       const std::function<bool()>& cancelled = {});

// ---- records --------------------------------------------------------------------------------

// The error kinds of an error record, derived from the exception type.
std::string error_kind(const std::exception& e);

// {"source": {"path", "sha256", "bytes"}, "error": {"kind", "message"}}
nlohmann::json error_record(const std::string& source, const std::string* bytes,
                            std::string_view kind, std::string_view message);

// What the summary counts of one record.
struct RecordStats {
  bool failed = false;
  std::string error_kind;                           // when failed
  std::string form_kind;                            // when converted
  std::size_t errors = 0, warnings = 0, infos = 0;  // diagnostics by severity
};
RecordStats stats_of(const nlohmann::json& record);

// The "source" object of a JSON Lines record (found without parsing the whole line), or null.
nlohmann::json record_source(std::string_view line);

// The shard (0-based, of n) of a document, by its content hash (hex SHA-256).
std::size_t shard_of(std::string_view sha256_hex, std::size_t n);

// ---- the run --------------------------------------------------------------------------------

// Receives every record in output order, on the writing thread. `rows` is what prepare()
// returned for that record, computed on a worker thread.
class RecordSink {
 public:
  virtual ~RecordSink() = default;
  // Worker threads: derive whatever the sink needs from the record (must be thread-safe).
  virtual std::shared_ptr<void> prepare(const nlohmann::json& record) const = 0;
  virtual void write(const std::shared_ptr<void>& prepared) = 0;
  // All records written: make the output final (rename temporary files).
  virtual void finish() = 0;
};

struct Options {
  InputOptions inputs;
  std::string output = "-";  // JSON Lines file, "-" for stdout
  unsigned jobs = 0;         // 0: the number of cores
  bool resume = false;
  std::size_t shard_index = 0;  // 0-based
  std::size_t shard_count = 1;
  ParseOptions parse;              // spans, encoding (path is set per document)
  std::size_t window = 0;          // documents in flight; 0: 8 per job, at least 32
  bool progress = false;           // progress bar on stderr
  std::vector<RecordSink*> sinks;  // CSV, SQLite
};

struct Summary {
  std::size_t documents = 0;  // records written (skipped shards not counted)
  std::size_t succeeded = 0;
  std::size_t failed = 0;
  std::size_t resumed = 0;        // records taken over from the previous OUT
  std::size_t skipped_shard = 0;  // documents of other shards
  std::size_t input_bytes = 0;
  std::map<std::string, std::size_t> failures;  // by error kind
  std::map<std::string, std::size_t> forms;     // by form kind
  std::size_t errors = 0, warnings = 0, infos = 0;
  double seconds = 0;
  bool interrupted = false;
  int signal = 0;  // the signal that interrupted, when known
  void add(const RecordStats& s);
};

// The summary block printed on stderr at the end (Japanese).
std::string format_summary(const Summary& s);

// Output problems (cannot create, write or rename OUT): the batch cannot go on.
struct OutputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Runs the batch. `stop` is polled: when it becomes true the batch stops cleanly, writing the
// records finished so far in order (a valid prefix). Throws OutputError, InputListError.
Summary run(const Parser& parser, const Options& options, const std::atomic<int>& stop);

}  // namespace hyoka::batch
