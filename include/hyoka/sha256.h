// SHA-256 (FIPS 180-4), for source.sha256: documents are identified by content.
#pragma once

#include <string>
#include <string_view>

namespace hyoka {

std::string sha256_hex(std::string_view data);

}  // namespace hyoka
