#pragma once
// The one route table (STYLE.md): method, path pattern, handler, permission bits, access.
// The router dispatches from it and the OpenAPI document is generated from it.
#include <span>
#include <string_view>

#include "fcgi/response.hpp"

namespace pendientes {

class Context;
using Handler = Response (*)(Context&);

enum class Access {
    Public,         // no token
    Authenticated,  // bearer token; `bits` = any-of (0: any authenticated caller)
    Admin,          // bearer token of a caller holding all 14 bits (§3.2)
};

enum class Body { None, Json, OptionalJson };

// What the edge may read together with the caller's re-check (§2.5), in the same round trip
// (issue 5): the vigente pendiente named by the first {id} of the path, for read-only handlers
// that would read it unlocked anyway (mutations lock and re-read their row, §6.6, instead); or
// the change number that tells whether a kept /filtrar page is still exact (db/listado_cache.hpp).
enum class Prefetch { None, PendienteDelPath, CambiosListado };

struct Route {
    std::string_view method;
    std::string_view pattern;
    Handler handler;
    Access access;
    int bits;
    Body body;
    std::string_view summary;
    // For the OpenAPI document: query parameters ("name" or "name!" when required, comma
    // separated) and the schema of `data` in the success envelope (a components/schemas name,
    // "Page:<Item>" for a Spring page, "Array:<Item>" for a list, "" for null, "Text" for plain text).
    std::string_view query = {};
    std::string_view response = {};
    Prefetch prefetch = Prefetch::None;
};

std::span<const Route> route_table();

}  // namespace pendientes
