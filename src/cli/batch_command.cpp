// `hyoka batch INPUT... -o OUT.jsonl` and `hyoka export OUT.jsonl --csv DIR --sqlite FILE`.
//
// Exit codes of batch (README): 0 every document converted, 5 some documents became error
// records, 3 the output or the input list cannot be written/read, 2 usage, 1 internal error,
// 128+signal when interrupted (130 Ctrl-C, 143 SIGTERM; OUT then holds a valid prefix).
#include "batch_command.h"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <iostream>
#include <thread>

#include "hyoka/batch.h"
#include "hyoka/decode.h"
#include "hyoka/export.h"

namespace hyoka::cli {

namespace {

constexpr int kOk = 0;
constexpr int kUsage = 2;
constexpr int kIo = 3;
constexpr int kSomeFailed = 5;

// SIGINT and SIGTERM stop the batch cleanly: they are blocked in every thread and taken by one
// waiting thread, which sets `stop` to the signal number. The mask is restored at the end.
class SignalStop {
 public:
  SignalStop() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGINT);
    sigaddset(&set_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set_, &old_);
    waiter_ = std::thread([this] {
      const timespec tick{0, 100'000'000};
      while (!done_) {
        const int sig = sigtimedwait(&set_, nullptr, &tick);
        if (sig > 0) stop_ = sig;
      }
    });
  }
  ~SignalStop() {
    done_ = true;
    waiter_.join();
    pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }
  SignalStop(const SignalStop&) = delete;
  SignalStop& operator=(const SignalStop&) = delete;
  const std::atomic<int>& stop() const { return stop_; }

 private:
  sigset_t set_{}, old_{};
  std::atomic<int> stop_{0};
  std::atomic<bool> done_{false};
  std::thread waiter_;
};

bool parse_shard(const std::string& text, std::size_t& index, std::size_t& count) {
  const auto slash = text.find('/');
  if (slash == std::string::npos) return false;
  try {
    std::size_t used = 0;
    const unsigned long k = std::stoul(text.substr(0, slash), &used);
    if (used != slash) return false;
    const unsigned long n = std::stoul(text.substr(slash + 1), &used);
    if (used != text.size() - slash - 1 || k < 1 || n < 1 || k > n) return false;
    index = k - 1;
    count = n;
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

class Commands : public BatchCommands {
 public:
  explicit Commands(CLI::App& app) {
    batch_ = app.add_subcommand(
        "batch", "ファイル・ディレクトリ・アーカイブの評価書をまとめて JSON Lines に変換します");
    batch_->add_option("INPUT", opt_.inputs.paths,
                       "入力（ファイル、ディレクトリ、.zip/.tar/.tar.gz アーカイブ）");
    batch_->add_option("--files-from", opt_.inputs.files_from,
                       "入力を 1 行 1 件で列挙したファイル（- で標準入力）");
    batch_->add_option("-o,--output", opt_.output, "出力する JSON Lines ファイル（- で標準出力）")
        ->required();
    batch_->add_option("--include", opt_.inputs.include,
                       "ディレクトリ・アーカイブ内で対象とするファイルの glob（複数可）");
    batch_->add_option("--exclude", opt_.inputs.exclude, "対象から除くファイルの glob（複数可）");
    batch_->add_flag("--hidden", opt_.inputs.hidden,
                     "ディレクトリ・アーカイブ内の隠しファイル（名前が . で始まるもの）も読みます");
    batch_->add_option("-j,--jobs", opt_.jobs, "ワーカースレッド数（省略時は CPU コア数）");
    batch_->add_flag("--resume", opt_.resume,
                     "出力済みの文書（内容のハッシュとパスで照合）を飛ばして続きから変換します");
    batch_->add_option("--shard", shard_,
                       "入力の K/N 番目の分担だけを処理します（内容のハッシュで分割）");
    batch_->add_flag("-q,--quiet", quiet_, "進捗表示と集計を出しません");
    batch_->add_flag("--spans", opt_.parse.spans, "各値の入力行範囲（spans）を追加します");
    batch_->add_option("--encoding", opt_.parse.encoding, "入力の文字コード（省略時は自動判定）")
        ->check([](const std::string& name) -> std::string {
          return is_supported_encoding(name) ? "" : "未対応の文字コードです: " + name;
        });
    batch_->add_option("--max-bytes", opt_.parse.limits.max_bytes,
                       "1 文書の最大バイト数（超えた文書はエラー記録 kind=limit。既定 " +
                           std::to_string(opt_.parse.limits.max_bytes) + "）");
    add_export_options(batch_);

    export_ = app.add_subcommand("export", "JSON Lines の変換結果を CSV・SQLite に書き出します");
    export_->add_option("JSONL", export_input_, "hyoka batch の出力（JSON Lines）")->required();
    add_export_options(export_);
  }

  bool parsed() const override { return batch_->parsed() || export_->parsed(); }

  int run(const Parser& parser) override {
    if (export_->parsed()) return run_export();
    return run_batch(parser);
  }

 private:
  void add_export_options(CLI::App* cmd) {
    cmd->add_option("--csv", export_opt_.csv_dir, "表ごとの CSV を書き出すディレクトリ");
    cmd->add_flag("--excel", export_opt_.excel, "CSV の先頭に BOM を付けます（Excel 用）");
    cmd->add_option("--sqlite", export_opt_.sqlite, "表を書き出す SQLite データベース");
  }

  int usage(const std::string& message) {
    std::cerr << "hyoka: 使い方が正しくありません: " << message
              << "\n詳しくは hyoka --help を参照してください。\n";
    return kUsage;
  }

  // The batch cannot go on: the output cannot be written or the input list read (exit 3). Any
  // other exception is an internal error (main.cpp).
  static int io_failure(const std::runtime_error& e) {
    if (dynamic_cast<const batch::OutputError*>(&e) == nullptr &&
        dynamic_cast<const batch::InputListError*>(&e) == nullptr) {
      throw;
    }
    std::cerr << "hyoka: " << e.what() << "\n";
    return kIo;
  }

  int run_batch(const Parser& parser) {
    if (opt_.inputs.paths.empty() && opt_.inputs.files_from.empty()) {
      return usage("入力（INPUT または --files-from）を指定してください");
    }
    if (!shard_.empty() && !parse_shard(shard_, opt_.shard_index, opt_.shard_count)) {
      return usage("--shard は K/N（1 ≤ K ≤ N）の形で指定してください: " + shard_);
    }
    if (opt_.resume && opt_.output == "-") {
      return usage("--resume には出力ファイル（-o OUT.jsonl）が必要です");
    }
    if (export_opt_.excel && export_opt_.csv_dir.empty())
      return usage("--excel は --csv と使います");
    opt_.progress = !quiet_ && ::isatty(STDERR_FILENO) == 1;
    // the tables are written where the inputs may be: never read them back
    if (!export_opt_.sqlite.empty()) opt_.inputs.own_outputs.push_back(export_opt_.sqlite);
    if (!export_opt_.csv_dir.empty()) {
      for (const auto& t : exporter::tables()) {
        opt_.inputs.own_outputs.push_back(
            (std::filesystem::path(export_opt_.csv_dir) / (t.name + ".csv")).string());
      }
    }
    try {
      std::unique_ptr<exporter::ExportSink> sink;
      if (!export_opt_.csv_dir.empty() || !export_opt_.sqlite.empty()) {
        sink = std::make_unique<exporter::ExportSink>(export_opt_);
        opt_.sinks.push_back(sink.get());
      }
      SignalStop signals;
      const batch::Summary s = batch::run(parser, opt_, signals.stop());
      if (!quiet_) std::cerr << batch::format_summary(s);
      if (s.interrupted) return 128 + (s.signal > 0 ? s.signal : SIGINT);
      return s.failed > 0 ? kSomeFailed : kOk;
    } catch (const std::runtime_error& e) {
      return io_failure(e);
    }
  }

  int run_export() {
    if (export_opt_.csv_dir.empty() && export_opt_.sqlite.empty()) {
      return usage("--csv DIR または --sqlite FILE を指定してください");
    }
    try {
      exporter::ExportSink sink(export_opt_);
      std::size_t bad = 0;
      const std::size_t records = exporter::export_jsonl(export_input_, sink, bad);
      std::cerr << "hyoka export: " << records << " 件の記録を書き出しました";
      if (sink.duplicates() > 0)
        std::cerr << "（同じ内容の重複 " << sink.duplicates() << " 件は 1 件に）";
      std::cerr << "\n";
      if (bad > 0) {
        std::cerr << "hyoka: " << export_input_ << ": JSON の記録でない行が " << bad
                  << " 行あり、飛ばしました\n";
        return kSomeFailed;
      }
      return kOk;
    } catch (const std::runtime_error& e) {
      return io_failure(e);
    }
  }

  CLI::App* batch_ = nullptr;
  CLI::App* export_ = nullptr;
  batch::Options opt_;
  exporter::ExportOptions export_opt_;
  std::string shard_;
  std::string export_input_;
  bool quiet_ = false;
};

}  // namespace

std::unique_ptr<BatchCommands> add_batch_commands(CLI::App& app) {
  return std::make_unique<Commands>(app);
}

}  // namespace hyoka::cli
