#include "handlers/pendiente_access.hpp"

#include "domain/estado_machine.hpp"

namespace pendientes::handlers {

Result<db::PendienteRow> pendiente_visible(Context& ctx, std::int64_t id) {
    auto p = ctx.prefetch && ctx.prefetch->id == id ? ctx.prefetch->pendiente : db::find_pendiente(ctx.db, id);
    if (!p) return errors::no_encontrado("Pendiente no encontrado");
    if (!domain::is_visible(ctx.who(), p->ref())) return errors::sin_permiso();
    return std::move(*p);
}

Result<db::PendienteRow> pendiente_writable_locked(Context& ctx, std::int64_t id) {
    auto p = db::lock_pendiente(ctx.db, id);
    if (!p) return errors::no_encontrado("Pendiente no encontrado");
    if (!domain::is_writable(ctx.who(), p->ref())) return errors::sin_permiso();
    return std::move(*p);
}

}  // namespace pendientes::handlers
