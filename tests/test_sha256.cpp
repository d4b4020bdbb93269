// SHA-256 (FIPS 180-4) for source.sha256. Expected digests: FIPS 180-2 examples, and
// `head -c N /dev/zero | tr '\0' a | sha256sum` (GNU coreutils) for the padding boundaries.
#include <catch2/catch.hpp>
#include <string>

#include "hyoka/sha256.h"

using hyoka::sha256_hex;

namespace {
std::string as(std::size_t n) { return std::string(n, 'a'); }
}  // namespace

TEST_CASE("sha256: FIPS 180-2 test vectors", "[sha256]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(as(1000000)) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256: lengths around the padding boundary", "[sha256]") {
  // 55 bytes: the length fits in the same block; 56: it needs a second block; 64: a full block
  // followed by a padding-only block.
  CHECK(sha256_hex(as(55)) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  CHECK(sha256_hex(as(56)) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  CHECK(sha256_hex(as(63)) == "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34");
  CHECK(sha256_hex(as(64)) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
  CHECK(sha256_hex(as(65)) == "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0");
  CHECK(sha256_hex(as(119)) == "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb");
  CHECK(sha256_hex(as(120)) == "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c");
}

TEST_CASE("sha256: bytes, not characters", "[sha256]") {
  // printf '\x00\x01\x02\xff' | sha256sum — embedded NUL and high bytes are hashed as bytes
  const std::string binary("\x00\x01\x02\xff", 4);
  REQUIRE(binary.size() == 4);
  CHECK(sha256_hex(binary) == "3d1f57c984978ef98a18378c8166c1cb8ede02c03eeb6aee7e2f121dfeee3e56");
  // printf '特定個人情報保護評価書' | sha256sum (UTF-8)
  CHECK(sha256_hex("特定個人情報保護評価書") ==
        "8e666fbf75089b3d7a74d9518b0dc9949720e71f50d94f33509e7a0365cc71dc");
}

TEST_CASE("sha256: lowercase hex, 64 digits", "[sha256]") {
  const std::string h = sha256_hex("hyoka");
  CHECK(h.size() == 64);
  CHECK(h.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(sha256_hex("hyoka") == h);  // deterministic
  CHECK(sha256_hex("hyokb") != h);  // one bit of input changes the digest
}
