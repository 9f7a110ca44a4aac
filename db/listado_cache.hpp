#pragma once
// Pages of POST /api/pendientes/filtrar kept in the worker between requests (issue 5).
//
// A page is a function of its question (the statement and its values) and of the rows it read.
// Every change to those rows adds to sql/migrations/013_cambios_listado.sql's counters in the
// change's own transaction, and their sum (`cambios`) is read with the caller's re-check. A
// page stored under the sum S answers a later request that read the same S: no change became
// visible in between, so reading again would give the same rows and the same total (§1.3 stays
// exact). A request that read another sum misses and computes the page afresh.
//
// The sum is read before the page's own statements, so a stored page may show a change newer
// than its S, never an older state; a request that still reads S may get that newer page,
// exactly what it would get if its page statements ran a moment later.
//
// One per worker process, shared by its threads; bounded, least recently used out first.
// Requests that miss on the same question and sum while it is being computed wait for that
// computation instead of running the same statements side by side.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <future>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

namespace pendientes::db {

struct PaginaPendientes;

class ListadoCache {
public:
    using Pagina = std::shared_ptr<const PaginaPendientes>;

    // `capacidad` pages at most; 0 keeps none (every request reads the database). Hits and
    // misses are added to the two counters when given (the pool's scoreboard, for /status).
    explicit ListadoCache(std::size_t capacidad, std::atomic<std::uint64_t>* aciertos = nullptr,
                          std::atomic<std::uint64_t>* fallos = nullptr)
        : capacidad_(capacidad), aciertos_(aciertos), fallos_(fallos) {}

    // The page kept for `pregunta` under exactly `cambios`; else the one another thread is
    // computing for both; else `calcular()`'s, kept. An exception of `calcular` reaches every
    // thread that waited for it, and nothing is kept.
    Pagina obtener(const std::string& pregunta, std::uint64_t cambios, const std::function<Pagina()>& calcular);

    // Whether pages are kept at all: without it, reading the change number is wasted work.
    bool guarda() const { return capacidad_ > 0; }

    std::size_t size() const;

private:
    struct Entrada {
        std::string pregunta;
        std::uint64_t cambios;
        Pagina pagina;
    };
    using Lista = std::list<Entrada>;  // most recently used first

    // Keeps `pagina` unless a page of a later sum is already kept (requests finish out of
    // order: the older must not push the newer out). Called with mutex_ held.
    void guardar(const std::string& pregunta, std::uint64_t cambios, Pagina pagina);
    void contar(std::atomic<std::uint64_t>* counter) {
        if (counter) ++*counter;
    }

    const std::size_t capacidad_;
    std::atomic<std::uint64_t>* const aciertos_;
    std::atomic<std::uint64_t>* const fallos_;
    mutable std::mutex mutex_;
    Lista entradas_;
    std::unordered_map<std::string, Lista::iterator> por_pregunta_;
    std::map<std::pair<std::string, std::uint64_t>, std::shared_future<Pagina>> en_curso_;
};

}  // namespace pendientes::db
