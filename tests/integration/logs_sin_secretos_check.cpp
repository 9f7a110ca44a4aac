// Run last (see tests/CMakeLists.txt): every log written during the suite — pool, nginx,
// MariaDB — must be free of passwords, keys, tokens and PPPoE secrets (issue 6).
#define BOOST_TEST_MODULE integration_logs_sin_secretos
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/config.hpp"
#include "support/stack.hpp"

using namespace pendientes::test;

BOOST_AUTO_TEST_CASE(ningun_log_contiene_secretos) {
    std::vector<std::string> secrets = {"Admin#2026", "Coord#2026", "Atencion#2026", "Asesor#2026", "Conta#2026",
                                        "Tecnico#2026", "Inactivo#2026", "SinPermisos#2026", "ClaveSecreta",
                                        "p@ss-2026", "p%40ss-2026", "Bearer ey", "eyJhbGciOi", "ppoePassword="};
    secrets.push_back(pendientes::read_secret_file(env("PENDIENTES_TEST_JWT_SECRET_FILE")));
    int files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(env("PENDIENTES_TEST_LOG_DIR"))) {
        if (!entry.is_regular_file()) continue;
        ++files;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        const std::string text = ss.str();
        for (const auto& s : secrets)
            BOOST_TEST(text.find(s) == std::string::npos, entry.path().filename().string() << " contains a secret (" << s.substr(0, 4) << "…)");
    }
    BOOST_TEST(files >= 2);
}
