#pragma once
// Mixed background load for the fault suites: N client threads, each cycling through
// GET /api/pendientes/{id}, POST /api/pendientes (direccion tagged, so the test can find every
// row it created) and GET /healthz/live, one request per TLS connection. Every request is
// logged with its start/end instants so that a failure can be matched with the fault.
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "support/faults.hpp"

namespace pendientes::faults {

enum class Tipo { Obtener, Crear, Salud };

struct Registro {
    Tipo tipo = Tipo::Salud;
    Clock::time_point inicio, fin;
    Resultado r;
    std::string direccion;  // Crear: the tag sent
    std::int64_t id = 0;    // Crear answered 200: the id returned
};

class Carga {
public:
    Carga(int hilos, std::string token, std::int64_t pendiente_id, std::string etiqueta,
          std::chrono::milliseconds timeout = std::chrono::seconds(10));
    ~Carga();

    void iniciar();
    void detener();  // joins the threads
    std::vector<Registro> registros() const;
    std::size_t hechas() const { return hechas_.load(); }

    const std::string& etiqueta() const { return etiqueta_; }

private:
    void hilo(int n);

    int hilos_;
    std::string token_;
    std::int64_t pendiente_id_;
    std::string etiqueta_;
    std::chrono::milliseconds timeout_;
    std::atomic<bool> parar_{false};
    std::atomic<std::size_t> hechas_{0};
    std::vector<std::thread> threads_;
    std::vector<std::vector<Registro>> por_hilo_;
};

// Counts per status (-1 = no HTTP answer) and a one-line summary of them.
std::map<int, std::size_t> por_status(const std::vector<Registro>& rs);
std::string resumen(const std::map<int, std::size_t>& m);

}  // namespace pendientes::faults
