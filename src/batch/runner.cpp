// The batch pipeline: one reader thread enumerates and reads the documents in input order, N
// workers convert them, and the calling thread writes the records in input order. A document may
// be read only while fewer than `window` documents wait to be written, so memory does not grow
// with the corpus.
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <fstream>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "batch_internal.h"
#include "hyoka/batch.h"
#include "hyoka/sha256.h"

namespace hyoka::batch {

using nlohmann::json;

namespace {

struct Item {
  std::size_t seq = 0;
  Document doc;
};

struct Result {
  enum class Kind { Record, Skipped, Cancelled } kind = Kind::Record;
  std::string line;  // without the newline
  RecordStats stats;
  bool resumed = false;
  std::size_t bytes = 0;
  std::vector<std::shared_ptr<void>> prepared;  // one per sink
};

// The records of a previous OUT, by content hash and path: where each line is.
class ResumeIndex {
 public:
  explicit ResumeIndex(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return;  // nothing to resume from
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    std::string line;
    std::uint64_t offset = 0;
    while (std::getline(in, line)) {
      const std::uint64_t at = offset;
      offset += line.size() + 1;
      if (in.eof()) break;  // a last line without its newline was cut short
      const json src = record_source(line);
      if (!src.is_object()) continue;
      const auto sha = src.find("sha256");
      const auto p = src.find("path");
      if (sha == src.end() || !sha->is_string() || p == src.end() || !p->is_string()) continue;
      lines_.emplace(key(sha->get<std::string>(), p->get<std::string>()),
                     std::make_pair(at, line.size()));
    }
  }
  ~ResumeIndex() {
    if (fd_ >= 0) ::close(fd_);
  }
  ResumeIndex(const ResumeIndex&) = delete;
  ResumeIndex& operator=(const ResumeIndex&) = delete;

  static std::string key(const std::string& sha, const std::string& path) {
    return sha + '\n' + path;
  }
  // The previous line of this document, if any (thread-safe: pread).
  std::optional<std::string> find(const std::string& sha, const std::string& path) const {
    const auto it = lines_.find(key(sha, path));
    if (it == lines_.end() || fd_ < 0) return std::nullopt;
    std::string line(it->second.second, '\0');
    std::size_t done = 0;
    while (done < line.size()) {
      const ssize_t n = ::pread(fd_, line.data() + done, line.size() - done,
                                static_cast<off_t>(it->second.first + done));
      if (n <= 0) return std::nullopt;
      done += static_cast<std::size_t>(n);
    }
    return line;
  }

 private:
  int fd_ = -1;
  std::unordered_map<std::string, std::pair<std::uint64_t, std::size_t>> lines_;
};

class Pipeline {
 public:
  Pipeline(const Parser& parser, const Options& options, const std::atomic<int>& stop,
           const ResumeIndex* resume)
      : parser_(parser), options_(options), stop_(stop), resume_(resume) {
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    jobs_ = options.jobs > 0 ? options.jobs : cores;
    window_ = options.window > 0 ? options.window : std::max<std::size_t>(32, 8 * jobs_);
    ring_.resize(window_);
  }

  ~Pipeline() { shutdown(); }

  void start() {
    reader_ = std::thread([this] { read_all(); });
    for (unsigned i = 0; i < jobs_; ++i) workers_.emplace_back([this] { work(); });
  }

  // The next result in input order; nullopt at the end of the input.
  std::optional<Result> next() {
    std::unique_lock lock(mu_);
    done_cv_.wait(lock, [&] {
      return ring_[next_ % window_].has_value() || (reader_done_ && next_ == read_count_);
    });
    if (!ring_[next_ % window_]) return std::nullopt;
    Result r = std::move(*ring_[next_ % window_]);
    ring_[next_ % window_].reset();
    ++next_;
    space_cv_.notify_one();
    return r;
  }

  std::exception_ptr reader_error() const { return reader_error_; }

  // How many documents the input holds, once the reader has enumerated them all.
  std::optional<std::size_t> read_total() {
    std::lock_guard lock(mu_);
    if (!reader_done_) return std::nullopt;
    return read_count_;
  }

  void shutdown() {
    {
      std::lock_guard lock(mu_);
      quit_ = true;
    }
    space_cv_.notify_all();
    work_cv_.notify_all();
    if (reader_.joinable()) reader_.join();
    for (auto& w : workers_) {
      if (w.joinable()) w.join();
    }
  }

 private:
  bool stopping() const { return quit_ || stop_.load() != 0; }

  void read_all() {
    std::size_t seq = 0;
    try {
      for_each_document(
          options_.inputs, Reading::Bytes,
          [&](Document&& d) {
            std::unique_lock lock(mu_);
            space_cv_.wait(lock, [&] { return stopping() || seq < next_ + window_; });
            if (stopping()) return false;
            queue_.push_back(Item{seq++, std::move(d)});
            read_count_ = seq;
            work_cv_.notify_one();
            return true;
          },
          [&] {
            std::lock_guard lock(mu_);
            return stopping();
          });
    } catch (...) {
      reader_error_ = std::current_exception();
    }
    std::lock_guard lock(mu_);
    reader_done_ = true;
    work_cv_.notify_all();
    done_cv_.notify_all();
  }

  void work() {
    while (true) {
      Item item;
      {
        std::unique_lock lock(mu_);
        work_cv_.wait(lock, [&] { return quit_ || !queue_.empty() || reader_done_; });
        if (quit_ || queue_.empty()) return;
        item = std::move(queue_.front());
        queue_.pop_front();
      }
      Result r;
      if (stop_.load() != 0) {
        r.kind = Result::Kind::Cancelled;
      } else {
        r = convert(item.doc);
      }
      std::lock_guard lock(mu_);
      ring_[item.seq % window_] = std::move(r);
      done_cv_.notify_all();
    }
  }

  Result convert(const Document& doc) {
    Result r;
    r.bytes = doc.bytes.size();
    const bool hashed = options_.shard_count > 1 || resume_ != nullptr;
    const std::string sha = hashed ? sha256_hex(doc.error.empty() ? doc.bytes : doc.source) : "";
    if (options_.shard_count > 1 && shard_of(sha, options_.shard_count) != options_.shard_index) {
      r.kind = Result::Kind::Skipped;
      return r;
    }
    json record;
    if (resume_ != nullptr && doc.error.empty()) {
      if (auto line = resume_->find(sha, doc.source)) {
        record = json::parse(*line, nullptr, false);
        if (!record.is_discarded()) {
          r.resumed = true;
          r.line = std::move(*line);
        }
      }
    }
    if (!r.resumed) {
      if (!doc.error.empty()) {
        record = error_record(doc.source, nullptr, "io", doc.error);
      } else {
        try {
          ParseOptions po = options_.parse;
          po.path = doc.source;
          record = parser_.parse(doc.bytes, po);
        } catch (const std::exception& e) {
          record = error_record(doc.source, &doc.bytes, error_kind(e), e.what());
        }
      }
      r.line = json_line(record);
    }
    r.stats = stats_of(record);
    for (const RecordSink* sink : options_.sinks) r.prepared.push_back(sink->prepare(record));
    return r;
  }

  const Parser& parser_;
  const Options& options_;
  const std::atomic<int>& stop_;
  const ResumeIndex* resume_;
  unsigned jobs_ = 1;
  std::size_t window_ = 32;

  std::mutex mu_;
  std::condition_variable space_cv_, work_cv_, done_cv_;
  std::deque<Item> queue_;
  std::vector<std::optional<Result>> ring_;
  std::size_t next_ = 0;        // next sequence number to hand to the writer
  std::size_t read_count_ = 0;  // documents read so far
  bool reader_done_ = false;
  bool quit_ = false;
  std::exception_ptr reader_error_;
  std::thread reader_;
  std::vector<std::thread> workers_;
};

}  // namespace

Summary run(const Parser& parser, const Options& given, const std::atomic<int>& stop) {
  const auto t0 = std::chrono::steady_clock::now();
  Options options = given;  // OUT (and OUT.tmp) is never an input, wherever it is
  options.inputs.own_outputs.push_back(given.output);
  options.inputs.max_bytes = options.parse.limits.max_bytes;
  std::unique_ptr<ResumeIndex> resume;
  if (options.resume && options.output != "-") {
    resume = std::make_unique<ResumeIndex>(options.output);
  }
  OutputFile out(options.output);
  Progress progress(options, stop);
  Pipeline pipeline(parser, options, stop, resume.get());
  pipeline.start();

  Summary summary;
  while (auto r = pipeline.next()) {
    if (const auto total = pipeline.read_total()) progress.set_total(*total);
    if (r->kind == Result::Kind::Cancelled) {
      summary.interrupted = true;
      break;
    }
    if (r->kind == Result::Kind::Skipped) {
      ++summary.skipped_shard;
      progress.update(summary);
      continue;
    }
    out.write_line(r->line);
    for (std::size_t i = 0; i < options.sinks.size(); ++i) options.sinks[i]->write(r->prepared[i]);
    summary.add(r->stats);
    summary.input_bytes += r->bytes;
    if (r->resumed) ++summary.resumed;
    progress.update(summary);
  }
  pipeline.shutdown();
  if (stop.load() != 0) {
    summary.interrupted = true;
    summary.signal = stop.load();
  }
  if (pipeline.reader_error()) std::rethrow_exception(pipeline.reader_error());
  progress.finish(summary);
  out.finish();
  for (RecordSink* sink : options.sinks) sink->finish();
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return summary;
}

}  // namespace hyoka::batch
