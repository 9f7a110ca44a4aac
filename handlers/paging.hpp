#pragma once
// page/size query parameters (§7.3, §11.1): validated, size clamped to PENDIENTES_MAX_PAGE_SIZE.
#include <cstdint>

#include "common/result.hpp"
#include "fcgi/context.hpp"

namespace pendientes::handlers {

struct PageRequest {
    std::int64_t page = 0;
    std::int64_t size = 10;
    std::int64_t offset() const { return page * size; }
};

Result<PageRequest> read_page_request(const Context& ctx, std::int64_t default_size);

}  // namespace pendientes::handlers
