#include "db/listado_cache.hpp"

namespace pendientes::db {

ListadoCache::Pagina ListadoCache::obtener(const std::string& pregunta, std::uint64_t cambios,
                                           const std::function<Pagina()>& calcular) {
    std::promise<Pagina> promesa;
    const auto clave_en_curso = std::make_pair(pregunta, cambios);
    {
        std::unique_lock lock(mutex_);
        if (auto found = por_pregunta_.find(pregunta); found != por_pregunta_.end() && found->second->cambios == cambios) {
            entradas_.splice(entradas_.begin(), entradas_, found->second);
            contar(aciertos_);
            return found->second->pagina;
        }
        contar(fallos_);
        if (auto running = en_curso_.find(clave_en_curso); running != en_curso_.end()) {
            auto future = running->second;
            lock.unlock();
            return future.get();
        }
        en_curso_.emplace(clave_en_curso, promesa.get_future().share());
    }
    try {
        Pagina pagina = calcular();
        std::lock_guard lock(mutex_);
        guardar(pregunta, cambios, pagina);
        en_curso_.erase(clave_en_curso);
        promesa.set_value(pagina);
        return pagina;
    } catch (...) {
        std::lock_guard lock(mutex_);
        en_curso_.erase(clave_en_curso);
        promesa.set_exception(std::current_exception());
        throw;
    }
}

void ListadoCache::guardar(const std::string& pregunta, std::uint64_t cambios, Pagina pagina) {
    if (capacidad_ == 0) return;
    if (auto found = por_pregunta_.find(pregunta); found != por_pregunta_.end()) {
        if (found->second->cambios > cambios) return;
        found->second->cambios = cambios;
        found->second->pagina = std::move(pagina);
        entradas_.splice(entradas_.begin(), entradas_, found->second);
        return;
    }
    if (entradas_.size() == capacidad_) {
        por_pregunta_.erase(entradas_.back().pregunta);
        entradas_.pop_back();
    }
    entradas_.push_front(Entrada{pregunta, cambios, std::move(pagina)});
    por_pregunta_.emplace(pregunta, entradas_.begin());
}

std::size_t ListadoCache::size() const {
    std::lock_guard lock(mutex_);
    return entradas_.size();
}

}  // namespace pendientes::db
