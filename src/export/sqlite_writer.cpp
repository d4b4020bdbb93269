// SQLite export: the tables with primary keys (document_id, pointer), foreign keys to documents
// and indexes on the columns people filter by, written to a temporary database renamed when
// complete. One transaction; indexes are built at the end.
#include <sqlite3.h>

#include <cstdio>

#include "hyoka/export.h"

namespace hyoka::exporter {

namespace {

class SqliteWriter : public ExportSink::Writer {
 public:
  explicit SqliteWriter(const std::string& path) : path_(path), tmp_(path + ".tmp") {
    std::remove(tmp_.c_str());
    if (sqlite3_open(tmp_.c_str(), &db_) != SQLITE_OK) fail("作成できません");
    exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA foreign_keys=ON;");
    for (const Table& t : tables()) exec(create_sql(t));
    exec("BEGIN");
    for (const Table& t : tables()) {
      std::string sql = "INSERT INTO " + t.name + " VALUES (";
      for (std::size_t i = 0; i < t.columns.size(); ++i) sql += i > 0 ? ",?" : "?";
      sql += ")";
      sqlite3_stmt* stmt = nullptr;
      if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) fail(sql);
      inserts_.push_back(stmt);
    }
  }
  ~SqliteWriter() override {
    close();
    if (!finished_) std::remove(tmp_.c_str());
  }

  void write(const Row& row) override {
    sqlite3_stmt* stmt = inserts_[row.table];
    for (std::size_t i = 0; i < row.values.size(); ++i) {
      const int col = static_cast<int>(i) + 1;
      const Value& v = row.values[i];
      if (const auto* n = std::get_if<long long>(&v)) {
        sqlite3_bind_int64(stmt, col, *n);
      } else if (const auto* s = std::get_if<std::string>(&v)) {
        sqlite3_bind_text(stmt, col, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
      } else {
        sqlite3_bind_null(stmt, col);
      }
    }
    const int rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE) fail("行を追加できません");
  }

  void finish() override {
    exec("COMMIT");
    for (const Table& t : tables()) {
      for (const Column& c : t.columns) {
        if (!c.indexed) continue;
        exec("CREATE INDEX " + t.name + "_" + c.name + " ON " + t.name + "(" + c.name + ")");
      }
    }
    close();
    if (std::rename(tmp_.c_str(), path_.c_str()) != 0) {
      throw batch::OutputError("SQLite データベース " + path_ + " に書き込めません");
    }
    finished_ = true;
  }

 private:
  static std::string create_sql(const Table& t) {
    std::string sql = "CREATE TABLE " + t.name + " (";
    for (const Column& c : t.columns) {
      sql += c.name + (c.type == ColumnType::Integer ? " INTEGER" : " TEXT");
      if (c.name == "document_id" || c.name == "pointer") sql += " NOT NULL";
      sql += ", ";
    }
    if (t.name == "documents") {
      sql += "PRIMARY KEY (document_id))";
    } else {
      sql +=
          "PRIMARY KEY (document_id, pointer), FOREIGN KEY (document_id) REFERENCES "
          "documents(document_id))";
    }
    return sql;
  }

  void exec(const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      const std::string msg = err != nullptr ? err : "";
      sqlite3_free(err);
      fail(msg);
    }
  }
  [[noreturn]] void fail(const std::string& what) {
    const std::string msg = db_ != nullptr ? sqlite3_errmsg(db_) : "";
    throw batch::OutputError("SQLite データベース " + path_ + " に書き込めません: " + what + " (" +
                             msg + ")");
  }
  void close() {
    for (sqlite3_stmt* s : inserts_) sqlite3_finalize(s);
    inserts_.clear();
    if (db_ != nullptr) sqlite3_close(db_);
    db_ = nullptr;
  }

  std::string path_, tmp_;
  sqlite3* db_ = nullptr;
  std::vector<sqlite3_stmt*> inserts_;
  bool finished_ = false;
};

}  // namespace

std::unique_ptr<ExportSink::Writer> make_sqlite_writer(const std::string& path) {
  return std::make_unique<SqliteWriter>(path);
}

}  // namespace hyoka::exporter
