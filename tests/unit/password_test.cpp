#define BOOST_TEST_MODULE password
#include <boost/test/unit_test.hpp>

#include "auth/password.hpp"

using namespace pendientes::auth;

// The DelegatingPasswordEncoder example of Spring Security's reference ("password").
constexpr const char* kSpringHash = "$2a$10$dXJ3SW6G7P50lGmMkkmwe.20cQQubK3.HZWzG3YB1tlRy.fqvM/BG";

BOOST_AUTO_TEST_CASE(hash_2a_de_spring_verifica) {
    BOOST_TEST(verify_password("password", kSpringHash));
    BOOST_TEST(!verify_password("Password", kSpringHash));
}

BOOST_AUTO_TEST_CASE(prefijo_bcrypt_de_spring_se_acepta) {
    BOOST_TEST(verify_password("password", std::string("{bcrypt}") + kSpringHash));
}

BOOST_AUTO_TEST_CASE(variantes_2b_y_2y_verifican) {
    std::string h2a = kSpringHash;
    std::string h2b = "$2b$" + h2a.substr(4);
    std::string h2y = "$2y$" + h2a.substr(4);
    BOOST_TEST(verify_password("password", h2b));
    BOOST_TEST(verify_password("password", h2y));
}

BOOST_AUTO_TEST_CASE(hash_nuevo_tiene_costo_10_o_mas_y_verifica) {
    auto h = hash_password("Coord#2026");
    BOOST_REQUIRE(h);
    BOOST_TEST(h->substr(0, 7) == "$2b$10$");
    BOOST_TEST(verify_password("Coord#2026", *h));
    BOOST_TEST(!verify_password("Coord#2027", *h));
}

BOOST_AUTO_TEST_CASE(contrasena_de_mas_de_72_bytes_no_se_hashea) {
    BOOST_TEST(!hash_password(std::string(73, 'a')));
    BOOST_TEST(hash_password(std::string(72, 'a')).has_value());
}

BOOST_AUTO_TEST_CASE(hash_no_bcrypt_o_vacio_no_verifica) {
    BOOST_TEST(!verify_password("password", ""));
    BOOST_TEST(!verify_password("password", "plain"));
    BOOST_TEST(!verify_password("password", "$1$abc$def"));
    BOOST_TEST(!verify_password(std::string("pass\0word", 9), kSpringHash));
}
