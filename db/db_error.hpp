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
DbError to_db_error(const sql::SQLException& e);

}  // namespace pendientes::db
