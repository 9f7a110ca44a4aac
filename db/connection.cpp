#include "db/connection.hpp"

#include <cppconn/connection.h>
#include <cppconn/datatype.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <mysql_driver.h>

#include <mutex>
#include <stdexcept>

#include "db/db_error.hpp"

namespace pendientes::db {
namespace {

std::mutex driver_mutex;

// get_mysql_driver_instance() is not thread-safe on first use.
sql::mysql::MySQL_Driver* driver() {
    std::lock_guard lock(driver_mutex);
    return sql::mysql::get_mysql_driver_instance();
}

template <class F>
auto translate(F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (const sql::SQLException& e) {
        throw to_db_error(e);
    }
}

}  // namespace

// ---- Rows ----
Rows::Rows(std::unique_ptr<sql::ResultSet> rs) : rs_(std::move(rs)) {}
Rows::~Rows() = default;
Rows::Rows(Rows&&) noexcept = default;
Rows& Rows::operator=(Rows&&) noexcept = default;

bool Rows::next() {
    return translate([&] { return rs_->next(); });
}
std::int64_t Rows::int64(unsigned col) const { return rs_->getInt64(col); }
int Rows::int32(unsigned col) const { return rs_->getInt(col); }
bool Rows::boolean(unsigned col) const { return rs_->getBoolean(col); }
std::string Rows::string(unsigned col) const { return std::string(rs_->getString(col)); }
bool Rows::is_null(unsigned col) const { return rs_->isNull(col); }
std::optional<std::int64_t> Rows::opt_int64(unsigned col) const {
    if (rs_->isNull(col)) return std::nullopt;
    return rs_->getInt64(col);
}
std::optional<std::string> Rows::opt_string(unsigned col) const {
    if (rs_->isNull(col)) return std::nullopt;
    return std::string(rs_->getString(col));
}

// ---- Statement ----
Statement& Statement::bind(std::int64_t v) {
    params_.emplace_back(v);
    return *this;
}
Statement& Statement::bind(bool v) {
    params_.emplace_back(v);
    return *this;
}
Statement& Statement::bind(std::string_view v) {
    params_.emplace_back(std::string(v));
    return *this;
}
Statement& Statement::bind(const std::optional<std::int64_t>& v) {
    if (v) return bind(*v);
    return bind_null();
}
Statement& Statement::bind(const std::optional<std::string>& v) {
    if (v) return bind(std::string_view(*v));
    return bind_null();
}
Statement& Statement::bind_null() {
    params_.emplace_back(Null{});
    return *this;
}

void Statement::apply(sql::PreparedStatement& ps) const {
    unsigned i = 1;
    for (const auto& p : params_) {
        if (std::holds_alternative<Null>(p)) ps.setNull(i, sql::DataType::VARCHAR);
        else if (auto* n = std::get_if<std::int64_t>(&p)) ps.setInt64(i, *n);
        else if (auto* b = std::get_if<bool>(&p)) ps.setBoolean(i, *b);
        else ps.setString(i, std::get<std::string>(p));
        ++i;
    }
}

Rows Statement::query() { return run_query(true); }

Rows Statement::run_query(bool may_replay) {
    // A read outside a transaction may be replayed once: the usual case is the first query of a
    // request after MariaDB restarted, on a connection that was idle across the restart.
    for (int attempt = 0;; ++attempt) {
        try {
            conn_.ensure_connected();
            auto& ps = conn_.prepared(sql_);
            apply(ps);
            return Rows(std::unique_ptr<sql::ResultSet>(ps.executeQuery()));
        } catch (const sql::SQLException& e) {
            DbError err = to_db_error(e);
            if (err.kind() == DbErrorKind::Unavailable) conn_.mark_broken();
            if (err.kind() != DbErrorKind::Unavailable || !may_replay || conn_.in_transaction() || attempt > 0)
                throw err;
        }
    }
}

std::int64_t Statement::update() {
    const bool autocommit = !conn_.in_transaction();
    conn_.ensure_connected();  // a failure here sent nothing: plain Unavailable
    bool sent = false;
    try {
        auto& ps = conn_.prepared(sql_);
        apply(ps);
        sent = true;
        return ps.executeUpdate();
    } catch (const sql::SQLException& e) {
        DbError err = to_db_error(e);
        if (err.kind() == DbErrorKind::Unavailable) conn_.mark_broken();
        // Outside a transaction a statement that reached the server is its own commit.
        throw autocommit && sent ? commit_failure(err) : err;
    }
}

std::int64_t Statement::insert() {
    const bool autocommit = !conn_.in_transaction();
    update();
    // LAST_INSERT_ID() belongs to this connection: a replay on a fresh one would answer 0.
    try {
        Rows rows = conn_.statement("SELECT LAST_INSERT_ID()").run_query(false);
        rows.next();
        return rows.int64(1);
    } catch (const DbError& e) {
        // Outside a transaction the row is already stored; only its id was lost.
        throw autocommit ? commit_failure(e) : e;
    }
}

// ---- Connection ----
Connection::Connection(DbConfig config) : config_(std::move(config)) {}

Connection::~Connection() {
    cache_.clear();  // statements before their connection
    conn_.reset();
}

void Connection::mark_broken() noexcept {
    cache_.clear();
    conn_.reset();
    in_transaction_ = false;
}

void Connection::ensure_connected() {
    if (conn_) return;
    sql::ConnectOptionsMap opts;
    // A Unix socket skips loopback TCP: less kernel work per statement on the usual one-box install.
    if (!config_.socket.empty()) {
        opts["hostName"] = sql::SQLString("unix://" + config_.socket);
    } else {
        opts["hostName"] = sql::SQLString(config_.host);
        opts["port"] = config_.port;
    }
    opts["userName"] = sql::SQLString(config_.user);
    opts["password"] = sql::SQLString(config_.password);
    opts["schema"] = sql::SQLString(config_.name);
    opts["OPT_CONNECT_TIMEOUT"] = config_.connect_timeout;
    opts["OPT_READ_TIMEOUT"] = config_.read_timeout;
    opts["OPT_WRITE_TIMEOUT"] = config_.write_timeout;
    opts["OPT_RECONNECT"] = false;  // reconnecting silently would drop a transaction's state
    opts["OPT_CHARSET_NAME"] = sql::SQLString("utf8mb4");
    try {
        conn_.reset(driver()->connect(opts));
        std::unique_ptr<sql::Statement> st(conn_->createStatement());
        st->execute("SET SESSION innodb_lock_wait_timeout = " + std::to_string(config_.lock_wait_timeout));
        st->execute("SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ENGINE_SUBSTITUTION'");
        st->execute("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
    } catch (const sql::SQLException& e) {
        conn_.reset();
        DbError err = to_db_error(e);
        throw DbError(DbErrorKind::Unavailable, err.code(), err.what());
    }
}

sql::PreparedStatement& Connection::prepared(std::string_view text) {
    std::string key(text);
    auto it = cache_.find(key);
    if (it != cache_.end()) return *it->second;
    std::unique_ptr<sql::PreparedStatement> ps(conn_->prepareStatement(key));
    return *cache_.emplace(std::move(key), std::move(ps)).first->second;
}

void Connection::execute(const std::string& text) {
    try {
        ensure_connected();
        std::unique_ptr<sql::Statement> st(conn_->createStatement());
        st->execute(text);
    } catch (const sql::SQLException& e) {
        DbError err = to_db_error(e);
        if (err.kind() == DbErrorKind::Unavailable) mark_broken();
        throw err;
    }
}

void Connection::begin() {
    // START TRANSACTION inside one would silently commit the outer one.
    if (in_transaction_) throw std::logic_error("nested transaction");
    execute("START TRANSACTION");
    in_transaction_ = true;
}

void Connection::commit() {
    in_transaction_ = false;
    try {
        execute("COMMIT");
    } catch (const DbError& e) {
        throw commit_failure(e);
    }
}

void Connection::rollback() noexcept {
    in_transaction_ = false;
    if (!conn_) return;
    try {
        std::unique_ptr<sql::Statement> st(conn_->createStatement());
        st->execute("ROLLBACK");
    } catch (...) {
        mark_broken();  // unknown state: start over on the next request
    }
}

DriverThread::DriverThread() { driver()->threadInit(); }
DriverThread::~DriverThread() { driver()->threadEnd(); }

}  // namespace pendientes::db
