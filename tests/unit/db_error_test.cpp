// How a failed statement is turned into an HTTP answer depends on its MariaDB error code, and,
// for a statement that commits, on whether the change may have been stored anyway.
#define BOOST_TEST_MODULE db_error
#include <boost/test/unit_test.hpp>

#include "db/db_error.hpp"

using pendientes::db::classify;
using pendientes::db::commit_failure;
using pendientes::db::DbError;
using pendientes::db::DbErrorKind;

BOOST_AUTO_TEST_CASE(codigos_de_conexion_perdida_son_no_disponible) {
    for (int code : {2002, 2003, 2006, 2013, 2055, 1927, 1053, 1040, 1203, 2026, 4031, 1317})
        BOOST_TEST((classify(code) == DbErrorKind::Unavailable), code);
    BOOST_TEST((classify(1205) == DbErrorKind::LockTimeout));
    BOOST_TEST((classify(1213) == DbErrorKind::Deadlock));
    BOOST_TEST((classify(1062) == DbErrorKind::Duplicate));
    BOOST_TEST((classify(1146) == DbErrorKind::Other));
}

// A COMMIT answered with "server shutdown" or a dropped socket may have been made durable
// before the answer was lost: that outcome is unknown, never a plain "not available".
BOOST_AUTO_TEST_CASE(commit_con_conexion_perdida_tiene_resultado_desconocido) {
    for (int code : {2006, 2013, 2055, 1927, 1053, 4031}) {
        auto e = commit_failure(DbError(classify(code), code, "lost"));
        BOOST_TEST((e.kind() == DbErrorKind::CommitUnknown), code);
        BOOST_TEST(e.code() == code);
    }
}

// A refusal from a live server (duplicate key, deadlock, a bug) rolled the change back.
BOOST_AUTO_TEST_CASE(commit_rechazado_conserva_su_clase) {
    for (int code : {1062, 1213, 1205, 1146}) {
        auto e = commit_failure(DbError(classify(code), code, "refused"));
        BOOST_TEST((e.kind() == classify(code)), code);
    }
}
