#define BOOST_TEST_MODULE integration_ctl
#include <boost/test/unit_test.hpp>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "auth/base64url.hpp"
#include "auth/token.hpp"
#include "common/config.hpp"
#include "support/stack.hpp"

using namespace pendientes::test;

namespace {

struct Run {
    int exit_code;
    std::string out;
};

// Runs pendientesctl with the test stack's config; `stdin_text` is piped in.
Run ctl(const std::string& args, const std::string& stdin_text = "", const std::string& config = "") {
    std::string conf = config.empty() ? env("PENDIENTES_TEST_CONFIG") : config;
    std::string input_file = "/tmp/pendientes-ctl-test-stdin";
    std::ofstream(input_file) << stdin_text;
    std::string cmd = std::string(PENDIENTESCTL_PATH) + " --config " + conf + " " + args + " < " + input_file + " 2>&1";
    FILE* p = popen(cmd.c_str(), "r");
    std::string out;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    int status = pclose(p);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

std::string unique_dni() {
    std::ostringstream dni;  // (not "7" + to_string(): GCC 12 -O3 reports a false -Wrestrict there)
    dni << 7 << std::time(nullptr) % 10000000 << rand() % 1000;
    return dni.str();
}

}  // namespace

BOOST_AUTO_TEST_CASE(create_user_con_clave_por_stdin_y_login) {
    Api api;
    std::string dni = unique_dni();
    auto r = ctl("create-user --dni " + dni + " --email ctl" + dni + "@x.test --rol CORD", "Clave#Segura1\n");
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.out);
    BOOST_TEST(r.out.find("Clave#Segura1") == std::string::npos);
    auto login = api.post("/auth", R"({"dni":")" + dni + R"(","password":"Clave#Segura1"})");
    BOOST_TEST(login.status == 200, login.body);
    BOOST_TEST(std::string(login.json()["data"]["rol"].GetString()) == "CORD");

    auto dup = ctl("create-user --dni " + dni + " --email otro" + dni + "@x.test", "x\n");
    BOOST_TEST(dup.exit_code == 1);
    BOOST_TEST(ctl("create-user --dni 1 --email a@b --rol NOEXISTE", "x\n").exit_code == 1);
}

BOOST_AUTO_TEST_CASE(clave_en_la_linea_de_comandos_se_rechaza) {
    auto r = ctl("create-user --dni 123 --email a@b.c --password secreto");
    BOOST_TEST(r.exit_code == 2);
    BOOST_TEST(ctl("no-such-command").exit_code == 2);
    BOOST_TEST(ctl("create-user --email a@b.c", "x\n").exit_code == 2);  // --dni missing
}

BOOST_AUTO_TEST_CASE(set_password_cambia_la_clave) {
    Api api;
    std::string dni = unique_dni();
    BOOST_REQUIRE(ctl("create-user --dni " + dni + " --email sp" + dni + "@x.test --rol TECN", "Primera#1\n").exit_code == 0);
    auto r = ctl("set-password --dni " + dni, "Segunda#2\n");
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.out);
    expect_error(api.post("/auth", R"({"dni":")" + dni + R"(","password":"Primera#1"})"), 401, "CREDENCIALES_INVALIDAS");
    BOOST_TEST(api.post("/auth", R"({"dni":")" + dni + R"(","password":"Segunda#2"})").status == 200);
    BOOST_TEST(ctl("set-password --dni 000", "x\n").exit_code == 1);
    BOOST_TEST(ctl("set-password --dni " + dni, std::string(73, 'a') + "\n").exit_code == 1);
}

BOOST_AUTO_TEST_CASE(issue_token_list_users_y_deactivate_user) {
    Api api;
    std::string dni = unique_dni();
    BOOST_REQUIRE(ctl("create-user --dni " + dni + " --email it" + dni + "@x.test --rol ATAC", "Servicio#1\n").exit_code == 0);
    auto list = ctl("list-users");
    BOOST_TEST(list.exit_code == 0);
    BOOST_TEST(list.out.find(dni) != std::string::npos);
    BOOST_TEST(list.out.find("$2") == std::string::npos);  // never a hash

    auto issued = ctl("issue-token --dni " + dni + " --ttl 120");
    BOOST_TEST_REQUIRE(issued.exit_code == 0, issued.out);
    std::string token = issued.out.substr(0, issued.out.find('\n'));
    BOOST_TEST(api.get("/api/usuarios/usuario", token).status == 200);
    auto payload = pendientes::auth::base64url_decode(
        token.substr(token.find('.') + 1, token.rfind('.') - token.find('.') - 1));
    rapidjson::Document p;
    p.Parse(payload->c_str());
    BOOST_TEST(p["exp"].GetInt64() - p["iat"].GetInt64() == 120);

    auto off = ctl("deactivate-user --dni " + dni);
    BOOST_TEST(off.exit_code == 0, off.out);
    expect_error(api.get("/api/usuarios/usuario", token), 401, "USUARIO_INACTIVO");
    BOOST_TEST(ctl("deactivate-user --dni " + dni).exit_code == 1);
    BOOST_TEST(ctl("issue-token --dni " + dni).exit_code == 1);
}

BOOST_AUTO_TEST_CASE(check_config_y_migrate_status) {
    auto ok = ctl("check-config");
    BOOST_TEST(ok.exit_code == 0, ok.out);
    BOOST_TEST(ok.out.find("configuration ok") != std::string::npos);
    auto status = ctl("migrate --status");
    BOOST_TEST(status.exit_code == 0, status.out);
    BOOST_TEST(status.out.find("applied  001_schema") != std::string::npos);

    // A copy of the config whose key is too short fails the check.
    std::filesystem::path dir = std::filesystem::temp_directory_path() / "pendientes-ctl-test";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "short.key") << "corta\n";
    std::ifstream in(env("PENDIENTES_TEST_CONFIG"));
    std::ostringstream conf;
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("PENDIENTES_JWT_SECRET_FILE=", 0) != 0) conf << line << '\n';
    conf << "PENDIENTES_JWT_SECRET_FILE=" << (dir / "short.key").string() << '\n';
    std::ofstream(dir / "bad.conf") << conf.str();
    auto bad = ctl("check-config", "", (dir / "bad.conf").string());
    BOOST_TEST(bad.exit_code == 1, bad.out);
    BOOST_TEST(bad.out.find("shorter than 32 bytes") != std::string::npos);
    BOOST_TEST(bad.out.find("corta") == std::string::npos);  // the key itself is never printed
}

BOOST_AUTO_TEST_CASE(rotate_key_conserva_la_clave_anterior_para_sus_tokens) {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / "pendientes-ctl-rotate";
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::copy_file(env("PENDIENTES_TEST_JWT_SECRET_FILE"), dir / "jwt.key");
    std::ifstream in(env("PENDIENTES_TEST_CONFIG"));
    std::ostringstream conf;
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("PENDIENTES_JWT_SECRET_FILE=", 0) != 0) conf << line << '\n';
    conf << "PENDIENTES_JWT_SECRET_FILE=" << (dir / "jwt.key").string() << '\n';
    std::ofstream(dir / "rot.conf") << conf.str();

    std::string old_key = pendientes::read_secret_file((dir / "jwt.key").string());
    auto old_token = pendientes::auth::TokenSigner(old_key).issue(2, "CORD", std::time(nullptr), 600);
    // A key in service for a month, owned by the service's user: the rotation must neither
    // expire its tokens at once (grace counted from the rotation, not the file's age) nor
    // leave the new key readable by root only.
    fs::last_write_time(dir / "jwt.key", fs::file_time_type::clock::now() - std::chrono::hours(24 * 30));
    const bool root = ::geteuid() == 0;
    if (root) BOOST_TEST_REQUIRE(::chown((dir / "jwt.key").c_str(), 65534, 65534) == 0);
    auto r = ctl("rotate-key", "", (dir / "rot.conf").string());
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.out);
    std::string new_key = pendientes::read_secret_file((dir / "jwt.key").string());
    BOOST_TEST(new_key != old_key);
    BOOST_TEST(new_key.size() >= 32u);
    BOOST_TEST(pendientes::read_secret_file((dir / "jwt.key.previous").string()) == old_key);
    struct stat st {};
    ::stat((dir / "jwt.key").c_str(), &st);
    BOOST_TEST((st.st_mode & 0777) == 0600);
    if (root) BOOST_TEST((st.st_uid == 65534 && st.st_gid == 65534));

    pendientes::Config c = pendientes::load_config((dir / "rot.conf").string());
    pendientes::auth::TokenSigner rotated(new_key, pendientes::previous_jwt_keys(c));
    BOOST_TEST(std::holds_alternative<pendientes::auth::TokenClaims>(rotated.verify(old_token, std::time(nullptr), 60)));
}
