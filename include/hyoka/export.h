// Exports for analysis (issue 6): the records of a batch as one table per entity (documents,
// systems, files, entrusts, recipients, risks, controls, changes, diagnostics), each row keyed by
// the document id and the JSON Pointer of the entity, written as CSV files and/or a SQLite
// database. docs/batch.md lists the tables and their columns.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <unordered_set>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "hyoka/batch.h"

namespace hyoka::exporter {

enum class ColumnType { Text, Integer };

struct Column {
  std::string name;
  ColumnType type = ColumnType::Text;
  bool indexed = false;  // an index in SQLite (the columns people filter by)
};

// Every table starts with document_id and (except documents) pointer; documents is first.
struct Table {
  std::string name;
  std::vector<Column> columns;
};

const std::vector<Table>& tables();

using Value = std::variant<std::monostate, long long, std::string>;

struct Row {
  std::size_t table = 0;  // index into tables()
  std::vector<Value> values;
};

// The document id: source.sha256, or for an input that could not be read (no content)
// "unread:" followed by the SHA-256 of its path.
std::string document_id(const nlohmann::json& record);

// The rows of one JSON Lines record (a v1 document or an error record): its documents row first.
std::vector<Row> rows_of(const nlohmann::json& record);

// RFC 4180 field: quoted when it holds a comma, quote, CR or LF.
std::string csv_field(const Value& v);

struct ExportOptions {
  std::string csv_dir;  // empty: no CSV
  bool excel = false;   // UTF-8 BOM at the start of each CSV file
  std::string sqlite;   // empty: no SQLite
};

// A record sink writing the tables. A document id already written (the same content twice in an
// archive) is written once: `duplicates` counts the records left out.
class ExportSink : public batch::RecordSink {
 public:
  explicit ExportSink(const ExportOptions& options);  // throws batch::OutputError
  ~ExportSink() override;
  std::shared_ptr<void> prepare(const nlohmann::json& record) const override;
  void write(const std::shared_ptr<void>& prepared) override;
  void finish() override;  // throws batch::OutputError

  std::size_t duplicates() const { return duplicates_; }
  const std::vector<std::size_t>& row_counts() const { return counts_; }  // by table

  class Writer {
   public:
    virtual ~Writer() = default;
    virtual void write(const Row& row) = 0;
    virtual void finish() = 0;
  };

 private:
  std::vector<std::unique_ptr<Writer>> writers_;
  std::unordered_set<std::string> seen_;
  std::size_t duplicates_ = 0;
  std::vector<std::size_t> counts_;
};

std::unique_ptr<ExportSink::Writer> make_csv_writer(const std::string& dir, bool excel);
std::unique_ptr<ExportSink::Writer> make_sqlite_writer(const std::string& path);

// `hyoka export`: the records of an existing JSON Lines file into the sink. Returns the number of
// records; lines that are not JSON objects are counted in `bad_lines`.
std::size_t export_jsonl(const std::string& path, ExportSink& sink, std::size_t& bad_lines);

}  // namespace hyoka::exporter
