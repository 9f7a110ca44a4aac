#define BOOST_TEST_MODULE field_cipher
#include <boost/test/unit_test.hpp>

#include <sys/stat.h>

#include <filesystem>

#include "auth/field_cipher.hpp"
#include "common/config.hpp"

using pendientes::auth::FieldCipher;

BOOST_AUTO_TEST_CASE(sellar_y_abrir_devuelve_el_texto) {
    FieldCipher c(std::string(40, 'k'));
    auto sealed = c.seal("p@ss 1");
    BOOST_TEST(sealed.rfind("v1:", 0) == 0u);
    BOOST_TEST(sealed.find("p@ss") == std::string::npos);
    BOOST_TEST(*c.open(sealed) == "p@ss 1");
    BOOST_TEST(c.seal("x") != c.seal("x"));  // fresh nonce every time
    BOOST_TEST(*c.open(c.seal("")) == "");
}

BOOST_AUTO_TEST_CASE(otra_clave_o_alteracion_no_abre) {
    FieldCipher a(std::string(40, 'a')), b(std::string(40, 'b'));
    auto sealed = a.seal("secreto");
    BOOST_TEST(!b.open(sealed));
    std::string tampered = sealed;
    tampered[tampered.size() - 2] = tampered[tampered.size() - 2] == 'A' ? 'B' : 'A';
    BOOST_TEST(!a.open(tampered));
    BOOST_TEST(!a.open("v1:"));
}

BOOST_AUTO_TEST_CASE(valor_heredado_sin_prefijo_se_devuelve_tal_cual) {
    FieldCipher c(std::string(40, 'k'));
    BOOST_TEST(*c.open("texto-plano-del-sistema-anterior") == "texto-plano-del-sistema-anterior");
}

BOOST_AUTO_TEST_CASE(clave_corta_se_rechaza) { BOOST_CHECK_THROW(FieldCipher(std::string(31, 'k')), std::invalid_argument); }

BOOST_AUTO_TEST_CASE(cincuenta_emojis_caben_en_la_columna) {
    std::string fifty;
    for (int i = 0; i < 50; ++i) fifty += "\xF0\x9F\x98\x80";
    BOOST_TEST(FieldCipher(std::string(40, 'k')).seal(fifty).size() <= 512u);
}

// Configured with the §0.4 names only (no PENDIENTES_PPPOE_KEY_FILE): the key is created once
// beside the JWT key, 0600, and reused from then on.
BOOST_AUTO_TEST_CASE(sin_archivo_configurado_la_clave_pppoe_se_crea_junto_a_la_jwt) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("pendientes-pppoe-key-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    pendientes::Config c;
    c.jwt_secret_file = (dir / "jwt.key").string();
    const auto path = pendientes::pppoe_key_path(c);
    BOOST_TEST(path == (dir / "pppoe.key").string());
    const auto key = pendientes::read_secret_file(path);
    BOOST_TEST(key.size() == 64u);
    struct stat st {};
    BOOST_TEST_REQUIRE(::stat(path.c_str(), &st) == 0);
    BOOST_TEST((st.st_mode & 0777) == 0600);
    BOOST_TEST(pendientes::pppoe_key_path(c) == path);
    BOOST_TEST(pendientes::read_secret_file(path) == key);  // not regenerated
    FieldCipher cipher(key);
    BOOST_TEST(*cipher.open(cipher.seal("x")) == "x");
    c.pppoe_key_file = "/elsewhere/pppoe.key";
    BOOST_TEST(pendientes::pppoe_key_path(c) == "/elsewhere/pppoe.key");
    fs::remove_all(dir);
}
