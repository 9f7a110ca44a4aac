#include "support/carga.hpp"

#include <rapidjson/document.h>

namespace pendientes::faults {

Carga::Carga(int hilos, std::string token, std::int64_t pendiente_id, std::string etiqueta,
             std::chrono::milliseconds timeout)
    : hilos_(hilos),
      token_(std::move(token)),
      pendiente_id_(pendiente_id),
      etiqueta_(std::move(etiqueta)),
      timeout_(timeout),
      por_hilo_(static_cast<std::size_t>(hilos)) {}

Carga::~Carga() { detener(); }

void Carga::iniciar() {
    for (int i = 0; i < hilos_; ++i) threads_.emplace_back([this, i] { hilo(i); });
}

void Carga::detener() {
    parar_ = true;
    for (auto& t : threads_) t.join();
    threads_.clear();
}

void Carga::hilo(int n) {
    Cliente cliente;
    auto& log = por_hilo_[static_cast<std::size_t>(n)];
    const std::string obtener = "/api/pendientes/" + std::to_string(pendiente_id_);
    for (std::size_t i = static_cast<std::size_t>(n); !parar_.load(); ++i) {
        Registro reg;
        reg.tipo = static_cast<Tipo>(i % 3);
        reg.inicio = Clock::now();
        switch (reg.tipo) {
            case Tipo::Obtener:
                reg.r = cliente.enviar("GET", obtener, token_, std::nullopt, timeout_);
                break;
            case Tipo::Crear: {
                reg.direccion = etiqueta_ + "-" + std::to_string(n) + "-" + std::to_string(i);
                std::string body = R"({"lugar":"PUNO","prioridad":"MEDIA","tipo":"TRASLADO","clienteId":1,"direccion":")" +
                                   reg.direccion + "\"}";
                reg.r = cliente.enviar("POST", "/api/pendientes", token_, body, timeout_);
                if (reg.r.status == 200) {
                    rapidjson::Document d;
                    d.Parse(reg.r.body.c_str(), reg.r.body.size());
                    if (!d.HasParseError() && d.IsObject() && d.HasMember("data") && d["data"].IsObject() &&
                        d["data"].HasMember("id") && d["data"]["id"].IsInt64())
                        reg.id = d["data"]["id"].GetInt64();
                }
                break;
            }
            case Tipo::Salud:
                reg.r = cliente.enviar("GET", "/healthz/live", "", std::nullopt, timeout_);
                break;
        }
        reg.fin = Clock::now();
        log.push_back(std::move(reg));
        ++hechas_;
    }
}

std::vector<Registro> Carga::registros() const {
    std::vector<Registro> out;
    for (const auto& v : por_hilo_) out.insert(out.end(), v.begin(), v.end());
    return out;
}

std::map<int, std::size_t> por_status(const std::vector<Registro>& rs) {
    std::map<int, std::size_t> m;
    for (const auto& r : rs) ++m[r.r.status];
    return m;
}

std::string resumen(const std::map<int, std::size_t>& m) {
    std::string s;
    for (const auto& [status, n] : m) {
        if (!s.empty()) s += ", ";
        s += (status < 0 ? std::string("no answer") : std::to_string(status)) + ": " + std::to_string(n);
    }
    return s;
}

}  // namespace pendientes::faults
