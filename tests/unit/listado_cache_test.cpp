// The worker's /filtrar page cache (db/listado_cache.hpp): a page answers only the same
// question under the same change number, the bound holds, and concurrent misses compute once.
#define BOOST_TEST_MODULE listado_cache
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <future>
#include <stdexcept>
#include <thread>

#include "db/filtro_repository.hpp"
#include "db/listado_cache.hpp"

using pendientes::db::ListadoCache;
using pendientes::db::PaginaPendientes;

namespace {

// A page told apart by its total; `llamadas` counts the computations.
struct Calculo {
    std::int64_t total;
    int llamadas = 0;
    ListadoCache::Pagina operator()() {
        ++llamadas;
        auto p = std::make_shared<PaginaPendientes>();
        p->total = total;
        return p;
    }
};

std::int64_t total_de(ListadoCache& cache, const std::string& pregunta, std::uint64_t cambios, Calculo& calculo) {
    return cache.obtener(pregunta, cambios, std::ref(calculo))->total;
}

}  // namespace

BOOST_AUTO_TEST_CASE(misma_pregunta_y_mismos_cambios_no_vuelve_a_leer) {
    std::atomic<std::uint64_t> aciertos{0}, fallos{0};
    ListadoCache cache(8, &aciertos, &fallos);
    Calculo a{1};
    BOOST_TEST(total_de(cache, "q", 10, a) == 1);
    BOOST_TEST(total_de(cache, "q", 10, a) == 1);
    BOOST_TEST(a.llamadas == 1);
    BOOST_TEST(aciertos.load() == 1u);
    BOOST_TEST(fallos.load() == 1u);
}

BOOST_AUTO_TEST_CASE(otros_cambios_u_otra_pregunta_leen_de_nuevo) {
    ListadoCache cache(8);
    Calculo a{1}, b{2}, c{3};
    BOOST_TEST(total_de(cache, "q", 10, a) == 1);
    BOOST_TEST(total_de(cache, "q", 11, b) == 2);  // a change became visible
    BOOST_TEST(total_de(cache, "q", 11, a) == 2);  // and the newer page is what is kept
    BOOST_TEST(total_de(cache, "r", 11, c) == 3);
    BOOST_TEST(a.llamadas == 1);
    BOOST_TEST(b.llamadas == 1);
}

// Requests finish out of order: one that read an older sum must not replace a newer page.
BOOST_AUTO_TEST_CASE(una_pagina_mas_vieja_no_reemplaza_a_la_nueva) {
    ListadoCache cache(8);
    Calculo nueva{2}, vieja{1};
    total_de(cache, "q", 11, nueva);
    BOOST_TEST(total_de(cache, "q", 10, vieja) == 1);  // computed for its own request
    BOOST_TEST(total_de(cache, "q", 11, vieja) == 2);  // but not kept over the newer one
    BOOST_TEST(vieja.llamadas == 1);
}

BOOST_AUTO_TEST_CASE(la_capacidad_acota_y_sale_la_menos_usada) {
    ListadoCache cache(2);
    Calculo a{1}, b{2}, c{3};
    total_de(cache, "a", 1, a);
    total_de(cache, "b", 1, b);
    total_de(cache, "a", 1, a);  // a used last: b is the least recently used
    total_de(cache, "c", 1, c);
    BOOST_TEST(cache.size() == 2u);
    total_de(cache, "a", 1, a);
    BOOST_TEST(a.llamadas == 1);
    total_de(cache, "b", 1, b);
    BOOST_TEST(b.llamadas == 2);
}

BOOST_AUTO_TEST_CASE(capacidad_cero_no_guarda_nada) {
    ListadoCache cache(0);
    Calculo a{1};
    total_de(cache, "q", 1, a);
    total_de(cache, "q", 1, a);
    BOOST_TEST(a.llamadas == 2);
    BOOST_TEST(cache.size() == 0u);
}

BOOST_AUTO_TEST_CASE(un_error_no_se_guarda) {
    ListadoCache cache(8);
    BOOST_CHECK_THROW(cache.obtener("q", 1, []() -> ListadoCache::Pagina { throw std::runtime_error("db"); }),
                      std::runtime_error);
    Calculo a{1};
    BOOST_TEST(total_de(cache, "q", 1, a) == 1);
    BOOST_TEST(a.llamadas == 1);
}

// A second request for the same question while the first computes it waits for that page.
BOOST_AUTO_TEST_CASE(fallos_simultaneos_calculan_una_vez) {
    ListadoCache cache(8);
    std::promise<void> empezo, seguir;
    auto seguir_f = seguir.get_future().share();
    std::atomic<int> llamadas{0};
    auto lento = [&]() -> ListadoCache::Pagina {
        ++llamadas;
        empezo.set_value();
        seguir_f.wait();
        auto p = std::make_shared<PaginaPendientes>();
        p->total = 7;
        return p;
    };
    auto primero = std::async(std::launch::async, [&] { return cache.obtener("q", 1, lento); });
    empezo.get_future().wait();
    auto segundo = std::async(std::launch::async, [&] {
        return cache.obtener("q", 1, []() -> ListadoCache::Pagina { throw std::logic_error("computed twice"); });
    });
    // The second is now either waiting for the first or not started yet; both end the same.
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    seguir.set_value();
    auto p1 = primero.get();
    auto p2 = segundo.get();
    BOOST_TEST(p1 == p2);
    BOOST_TEST(p2->total == 7);
    BOOST_TEST(llamadas.load() == 1);
}

// The waiting request gets the computing one's error: the same database, the same answer.
BOOST_AUTO_TEST_CASE(quien_espera_recibe_el_error_del_calculo) {
    ListadoCache cache(8);
    std::promise<void> empezo, seguir;
    auto seguir_f = seguir.get_future().share();
    auto falla = [&]() -> ListadoCache::Pagina {
        empezo.set_value();
        seguir_f.wait();
        throw std::runtime_error("db down");
    };
    auto primero = std::async(std::launch::async, [&] { return cache.obtener("q", 1, falla); });
    empezo.get_future().wait();
    std::atomic<bool> calculo_propio{false};
    auto segundo = std::async(std::launch::async, [&] {
        return cache.obtener("q", 1, [&]() -> ListadoCache::Pagina {
            calculo_propio = true;  // started after the first failed: computes on its own
            return std::make_shared<PaginaPendientes>();
        });
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    seguir.set_value();
    BOOST_CHECK_THROW(primero.get(), std::runtime_error);
    if (calculo_propio) {
        BOOST_TEST(segundo.get()->total == 0);
    } else {
        BOOST_CHECK_THROW(segundo.get(), std::runtime_error);
    }
}
