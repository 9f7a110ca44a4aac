#pragma once
// Connector/C++ failures classified once, near the driver (STYLE.md: drogon's lesson).
#include <stdexcept>
#include <string>

namespace sql { class SQLException; }

namespace pendientes::db {

enum class DbErrorKind {
    Unavailable,  // cannot connect, server gone away, lost connection, timeouts: 503
    LockTimeout,  // innodb_lock_wait_timeout: 503
    Deadlock,     // chosen as deadlock victim: 503 (client may retry)
    Duplicate,    // unique key: 409 DUPLICADO unless a repository maps it first
    // The connection failed while a COMMIT (or an autocommit write) was on its way: the server
    // may have made the change durable and then lost its answer. 503, but never "try again".
    CommitUnknown,
    Other,        // a bug or a schema problem: 500
};

class DbError : public std::runtime_error {
public:
    DbError(DbErrorKind kind, int code, const std::string& what) : std::runtime_error(what), kind_(kind), code_(code) {}
    DbErrorKind kind() const { return kind_; }
    int code() const { return code_; }

private:
    DbErrorKind kind_;
    int code_;
};

DbErrorKind classify(int mysql_error_code);
// What a failure of a statement that commits (COMMIT, or a write outside a transaction) means
// for its outcome: a lost or killed connection leaves it unknown; anything else is a refusal.
DbError commit_failure(const DbError& e);
DbError to_db_error(const sql::SQLException& e);

}  // namespace pendientes::db
