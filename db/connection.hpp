#pragma once
// One MariaDB connection per worker thread, with its prepared statements cached for its
// lifetime (issue 2 point 4). Reconnects lazily after a failure; never inside a transaction.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "common/config.hpp"

namespace sql {
class Connection;
class PreparedStatement;
class ResultSet;
}  // namespace sql

namespace pendientes::db {

class Connection;

// A row cursor over a result set (owned).
class Rows {
public:
    explicit Rows(std::unique_ptr<sql::ResultSet> rs);
    ~Rows();
    Rows(Rows&&) noexcept;
    Rows& operator=(Rows&&) noexcept;

    bool next();
    std::int64_t int64(unsigned col) const;
    int int32(unsigned col) const;
    bool boolean(unsigned col) const;
    std::string string(unsigned col) const;
    bool is_null(unsigned col) const;
    std::optional<std::int64_t> opt_int64(unsigned col) const;
    std::optional<std::string> opt_string(unsigned col) const;

private:
    std::unique_ptr<sql::ResultSet> rs_;
};

// A prepared statement with its parameters. Binding stores values so that a read outside a
// transaction can be replayed once on a fresh connection after "server has gone away".
class Statement {
public:
    Statement(Connection& conn, std::string_view sql) : conn_(conn), sql_(sql) {}

    Statement& bind(std::int64_t v);
    Statement& bind(int v) { return bind(static_cast<std::int64_t>(v)); }
    Statement& bind(bool v);
    Statement& bind(std::string_view v);
    Statement& bind(const std::string& v) { return bind(std::string_view(v)); }
    Statement& bind(const char* v) { return bind(std::string_view(v)); }
    Statement& bind(const std::optional<std::int64_t>& v);
    Statement& bind(const std::optional<std::string>& v);
    Statement& bind_null();

    Rows query();
    // Outside a transaction a write is its own commit: a connection lost while it ran throws
    // DbError(CommitUnknown), since the server may have stored it.
    std::int64_t update();  // affected rows
    std::int64_t insert();  // LAST_INSERT_ID()

private:
    struct Null {};
    using Value = std::variant<Null, std::int64_t, bool, std::string>;
    void apply(sql::PreparedStatement& ps) const;
    Rows run_query(bool may_replay);

    Connection& conn_;
    std::string_view sql_;
    std::vector<Value> params_;
};

class Connection {
public:
    explicit Connection(DbConfig config);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    Statement statement(std::string_view sql) { return Statement(*this, sql); }
    // Runs plain SQL without parameters (transaction control, migrations).
    void execute(const std::string& sql);

    bool in_transaction() const { return in_transaction_; }
    void begin();
    void commit();
    void rollback() noexcept;

    // Throws DbError(Unavailable) when the server cannot be reached.
    void ensure_connected();
    void mark_broken() noexcept;

private:
    friend class Statement;
    sql::PreparedStatement& prepared(std::string_view sql);

    DbConfig config_;
    std::unique_ptr<sql::Connection> conn_;
    // Keyed by the statement text; repository SQL is constant text, so the cache is bounded.
    std::unordered_map<std::string, std::unique_ptr<sql::PreparedStatement>> cache_;
    bool in_transaction_ = false;
};

// RAII: rolls back unless committed.
class Transaction {
public:
    explicit Transaction(Connection& conn) : conn_(conn) { conn_.begin(); }
    ~Transaction() {
        if (!done_) conn_.rollback();
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit() {
        conn_.commit();
        done_ = true;
    }

private:
    Connection& conn_;
    bool done_ = false;
};

// Per-thread driver registration (Connector/C++ needs threadInit/threadEnd on every thread).
class DriverThread {
public:
    DriverThread();
    ~DriverThread();
    DriverThread(const DriverThread&) = delete;
    DriverThread& operator=(const DriverThread&) = delete;
};

}  // namespace pendientes::db
