#include "db/db_error.hpp"

#include <cppconn/exception.h>

namespace pendientes::db {

DbErrorKind classify(int code) {
    switch (code) {
        case 1205: return DbErrorKind::LockTimeout;
        case 1213: return DbErrorKind::Deadlock;
        case 1062: return DbErrorKind::Duplicate;
        // CR_CONNECTION_ERROR, CR_CONN_HOST_ERROR, CR_SERVER_GONE_ERROR, CR_SERVER_LOST, CR_SERVER_LOST_EXTENDED,
        // ER_CONNECTION_KILLED, ER_SERVER_SHUTDOWN, ER_CON_COUNT_ERROR, ER_TOO_MANY_USER_CONNECTIONS, timeouts.
        case 2002: case 2003: case 2006: case 2013: case 2055: case 1927: case 1053: case 1040: case 1203:
        case 2026: case 4031: case 1317:
            return DbErrorKind::Unavailable;
        default: return DbErrorKind::Other;
    }
}

DbError commit_failure(const DbError& e) {
    // ER_SERVER_SHUTDOWN and ER_CONNECTION_KILLED are sent when the thread was killed, which
    // MariaDB reports after a COMMIT that had already completed: they are as ambiguous as a
    // dropped socket.
    if (e.kind() != DbErrorKind::Unavailable) return e;
    return DbError(DbErrorKind::CommitUnknown, e.code(), e.what());
}

DbError to_db_error(const sql::SQLException& e) {
    // The message names the statement failure, never bound values (they are not in it).
    return DbError(classify(e.getErrorCode()), e.getErrorCode(), e.what());
}

}  // namespace pendientes::db
