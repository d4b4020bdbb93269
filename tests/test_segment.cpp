// Segmenter and recognizer (src/recognize.cpp, src/parse.cpp) on small hand-made 様式3
// documents modelled on fixtures/seeds (OCR-HTML: one table row per line, cells separated by
// TAB, written ⇥ below and in the documents; seed lines are quoted as `seed:line`).
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "hyoka/parse.h"

#include "document_support.h"

using namespace document_support;

namespace {

const char* const kTitle = "# 特定個人情報保護評価書(重点項目評価書)";  // 000:3

// 000:79-150: one file of II, with the rows the tests below look at.
const Lines kFileDoc = {
    kTitle,
    "",
    "## Ⅱ 特定個人情報ファイルの概要",
    "",
    "1. 特定個人情報ファイル名⇥",
    "徴収・滞納整理関係情報ファイル⇥",
    "2. 基本情報⇥",
    "①ファイルの種類 ※⇥<div>システム用ファイル</div> <div> <input type=\"checkbox\"/> "
    "システム用ファイル  <input type=\"checkbox\"/> その他の電子ファイル(表計算ファイル等)         "
    "</div>",
    "⑤保有開始日⇥平成28年1月1日",
    "3. 特定個人情報の入手・使用⇥",
    "①入手元 ※⇥<div> <input type=\"checkbox\"/> 本人又は本人の代理人         </div> <div> <input "
    "type=\"checkbox\"/> 評価実施機関内の他部署 (市民課)         </div> <div> <input "
    "type=\"checkbox\"/> 行政機関・独立行政法人等 (デジタル庁)         </div> <div> <input "
    "type=\"checkbox\"/> その他 ( )         </div>",
    "",
    "⇥⇥[ <input type=\"checkbox\"/> ] 紙⇥[ <input type=\"checkbox\"/> ] "
    "電子記録媒体(フラッシュメモリを除く。)⇥[ <input type=\"checkbox\"/> ] フラッシュメモリ",
    "②入手方法⇥⇥[ <input type=\"checkbox\"/> ] 電子メール⇥[ <input type=\"checkbox\"/> ] "
    "専用線⇥[ <input checked=\"\" type=\"radio\"/> ] 庁内連携システム",
    "⇥⇥[ <input checked=\"\" type=\"radio\"/> ] 情報提供ネットワークシステム⇥⇥",
    "⇥⇥[ <input type=\"checkbox\"/> ] その他⇥(⇥)",
    "③使用目的 ※⇥⇥各税、各料金の徴収簿の管理、滞納整理、滞納処分、還付事務に係る手続き及び執行。⇥⇥",
    "④使用の主体⇥使用部署⇥行政経営部納税促進課⇥⇥",
    "⇥使用者数⇥[ 10人以上50人未満 ]⇥<選択肢> 1) 10人未満 2) 10人以上50人未満 3) 50人以上100人未満 "
    "4) 100人以上500人未満 5) 500人以上1,000人未満 6) 1,000人以上⇥",
    "⑤使用方法⇥⇥・各税、各料金の徴収簿より調定に対する収納状況を把握する。⇥⇥",
    "⇥情報の突合⇥(1)宛名情報と地方税関係情報を突合して、個人番号・法人番号の真正性を確認する。",
    "⑥使用開始日",
    "",
    "平成28年1月1日",
    "",
    "<b>4. 特定個人情報ファイルの取扱いの委託</b>⇥⇥⇥⇥",
    "委託の有無 ※⇥⇥[ 委託する ]⇥<選択肢> 1) 委託する      2) 委託しない ( 1 ) 件⇥",
    "委託事項1⇥⇥収納滞納管理システム保守業務⇥⇥",
    "①委託内容⇥⇥・収納滞納管理システムの保守 "
    "・ガバメントクラウドでのシステム構築・データ移行作業⇥⇥",
    "②委託先における取扱者数⇥⇥[ 10人未満 ]⇥<選択肢> 1) 10人未満 2) 10人以上50人未満 3) "
    "50人以上100人未満 4) 100人以上500人未満 5) 500人以上1,000人未満 6) 1,000人以上⇥",
    "③委託先名⇥⇥株式会社 SBS情報システム⇥⇥",
    "再委託⇥④再委託の有無 ※⇥[ 再委託しない ]⇥<選択肢> 1) 再委託する      2) 再委託しない⇥",
    "⇥⑤再委託の許諾方法⇥⇥⇥",
    "⇥⑥再委託事項⇥⇥⇥",
    "<b>委託事項2～5</b>⇥⇥⇥⇥",
    "<b>委託事項6～10</b>⇥⇥⇥⇥",
    "<b>5. 特定個人情報の提供・移転(委託に伴うものを除く。)</b>⇥",
    "提供・移転の有無⇥[ <input type=\"checkbox\"/> ] 提供を行っている ( ) 件 [ ] 移転を行っている "
    "( "
    ") 件 [ ] 行っていない",
    "提供先1⇥他団体(各地方公共団体等)",
    "①法令上の根拠⇥番号法第9条第1項 別表24の項",
    "②提供先における用途⇥徴収事務",
    "③提供する情報⇥滞納者関連情報(収納額、財産、その他備考、特記事項等)",
    "④提供する情報の対象となる本人の数⇥[ 10万人以上100万人未満 ] <div style=\"text-align: "
    "right;\">＜選択肢＞ 1) 1万人未満 2) 1万人以上10万人未満 3) 10万人以上100万人未満 4) "
    "100万人以上1,000万人未満 5) 1,000万人以上</div>",
    "⑤提供する情報の対象となる本人の範囲⇥納税義務者又は義務者のうち、実態調査の回答依頼のある者",
    "⑥提供方法⇥[ ] 情報提供ネットワークシステム [ ] 専用線 [ ] 電子メール [ ] "
    "電子記録媒体(フラッシュメモリを除く。) [ ] フラッシュメモリ [ <input checked=\"\" "
    "type=\"radio\"/> ] 紙 [ ] その他 ( )",
    "⑦時期・頻度⇥提供を求められたら都度(平成26年度は合計約1600回)",
    "<b>提供先2～5</b>⇥",
    "移転先1⇥",
    "①法令上の根拠⇥",
    "②移転先における用途⇥",
    "③移転する情報⇥",
    "④移転する情報の対象となる本人の数⇥[ ] <div style=\"text-align: right;\">＜選択肢＞ 1) "
    "1万人未満 2) 1万人以上10万人未満</div>",
    "⑤移転する情報の対象となる本人の範囲⇥",
    "⑥移転方法⇥[ ] 庁内連携システム [ ] 専用線 [ ] 電子メール [ ] "
    "電子記録媒体(フラッシュメモリを除く。) [ ] フラッシュメモリ [ ] 紙 [ ] その他 ( )",
    "⑦時期・頻度⇥",
    "<b>移転先2～5</b>⇥",
    "",
    "## 6. 特定個人情報の保管・消去",  // 001:149-195: a label on its own line
    "",
    "保管場所 ※",
    "",
    "### <栃木市における措置>",
    "",
    "(庁内で保管)",
    "",
    "- ・建物の入退館管理",
    "- ・サーバ室の入退室管理",
    "",
    "## 7. 備考",
};

}  // namespace

// ---- form kind and version ------------------------------------------------------------------

TEST_CASE("segment: form kind from the title, version from the template stamp", "[segment]") {
  // 002:2 [令和６年10月　様式３] (full-width digits, U+3000 before 様式)
  const json stamped = parse({"[令和６年10月\u3000様式３]", "",
                              "特定個人情報保護評価書（重点項目評価書）", "", "## I 基本情報"});
  CHECK(at(stamped, "/form/kind") == "focused");
  CHECK(at(stamped, "/form/version") == "令和6年10月 様式3");

  // 000:3 (the OCR lost the stamp)
  const json plain = parse({kTitle, "", "## I 基本情報"});
  CHECK(at(plain, "/form/kind") == "focused");
  CHECK(at(plain, "/form/version") == nullptr);
  CHECK(at(plain, "/schema_version") == "1");

  CHECK(at(parse({"# 特定個人情報保護評価書(全項目評価書)", "## I 基本情報"}), "/form/kind") ==
        "full");
  CHECK(at(parse({"特定個人情報保護評価書（基礎項目評価書）", "Ⅰ 関連情報"}), "/form/kind") ==
        "basic");
}

// ---- parts and sections ---------------------------------------------------------------------

TEST_CASE("segment: parts and sections, Ⅰ/I and markdown headings", "[segment]") {
  const Lines markdown = {
      kTitle,
      "",
      "## I 基本情報",  // 000:34
      "",
      "## 1. 特定個人情報ファイルを取り扱う事務",  // 000:36
      "",
      "①事務の名称⇥税の徴収に関する事務",  // 000:38
      "③対象人数⇥<div style=\"display: flex; align-items: center;\"> <span>[      "
      "10万人以上30万人未満      ]</span> <div style=\"margin-left: 20px;\"> "
      "<p>&lt;選択肢&gt;</p> <span>1) 1,000人未満</span> </div> </div>",  // 000:40
      "",
      "## 6. 評価実施機関における担当部署",  // 000:72
      "",
      "①部署⇥行政経営部納税促進課",
      "②所属長の役職名⇥納税促進課長",
  };
  const Lines roman = {
      "特定個人情報保護評価書（重点項目評価書）",
      "",
      "Ⅰ\u3000基本情報",  // 002:48
      "1. 特定個人情報ファイルを取り扱う事務⇥",
      "①事務の名称⇥税の徴収に関する事務",
      "③対象人数⇥[10万人以上30万人未満] <選択肢> 1) 1,000人未満",  // 003:39
      "6. 評価実施機関における担当部署⇥",
      "①部署⇥行政経営部納税促進課",
      "②所属長の役職名⇥納税促進課長",
  };
  for (const Lines* lines : {&markdown, &roman}) {
    const json d = parse(*lines);
    INFO("document starting with " << lines->front());
    CHECK(at(d, "/affair/name") == "税の徴収に関する事務");
    CHECK(at(d, "/affair/target_population") == "10万人以上30万人未満");
    CHECK(at(d, "/threshold/target_population") == "10万人以上30万人未満");
    CHECK(at(d, "/department/name") == "行政経営部納税促進課");
    CHECK(at(d, "/department/head_title") == "納税促進課長");
    const json& missing = at(d, "/quality/sections_missing");
    CHECK_FALSE(contains(missing, "Ⅰ 基本情報"));
    CHECK_FALSE(contains(missing, "Ⅰ 1. 特定個人情報ファイルを取り扱う事務"));
    CHECK_FALSE(contains(missing, "Ⅰ 6. 評価実施機関における担当部署"));
    CHECK(contains(missing, "Ⅰ 2. 特定個人情報ファイルを取り扱う事務において使用するシステム"));
    CHECK(contains(missing, "Ⅱ 特定個人情報ファイルの概要"));
    CHECK(contains(missing, "Ⅲ リスク対策"));
  }
}

TEST_CASE("segment: the 項目一覧 block does not open parts", "[segment]") {
  // 000:24-32
  const json d = parse({
      kTitle,
      "",
      "## 項目一覧",
      "",
      "I 基本情報",
      "II 特定個人情報ファイルの概要",
      "(別添1) 特定個人情報ファイル記録項目",
      "III リスク対策",
      "IV 開示請求、問合せ",
      "V 評価実施手続",
      "(別添2) 変更箇所",
      "",
  });
  const json expected = json::array({
      "Ⅰ 基本情報",
      "Ⅰ 1. 特定個人情報ファイルを取り扱う事務",
      "Ⅰ 2. 特定個人情報ファイルを取り扱う事務において使用するシステム",
      "Ⅰ 4. 個人番号の利用",
      "Ⅰ 5. 情報提供ネットワークシステムによる情報連携",
      "Ⅰ 6. 評価実施機関における担当部署",
      "Ⅱ 特定個人情報ファイルの概要",
      "（別添1） 特定個人情報ファイル記録項目",
      "Ⅲ リスク対策",
      "Ⅳ 開示請求、問合せ",
      "Ⅴ 評価実施手続",
  });
  CHECK(at(d, "/quality/sections_missing") == expected);
  CHECK(at(d, "/files") == json::array());
  CHECK(at(d, "/changes") == json::array());
}

// ---- repeated groups ------------------------------------------------------------------------

TEST_CASE("segment: システムN carries the form's own number, and N～M captions give nothing",
          "[segment]") {
  SECTION("a document that starts at システム3 after lost pages (001:22-60)") {
    const json d = parse({
        kTitle,
        "",
        "## 項目一覧",
        "",
        "I 基本情報",
        "II 特定個人情報ファイルの概要",
        "",
        "",
        "システム3⇥⇥⇥⇥⇥⇥⇥⇥⇥",
        "①システムの名称⇥証明書コンビニ交付システム⇥⇥⇥⇥⇥⇥⇥⇥",
        "②システムの機能⇥<ol style=\"list-style-type: none\"> <li>1. "
        "証明書交付センターからの依頼によりコンビニからの証明書発行依頼に応答する。</li> <li>2. "
        "証明書の発行履歴を保持し、出力する。</li> </ol>",
        "③他のシステムとの接続⇥<input type=\"checkbox\"/> 情報提供ネットワークシステム <input "
        "type=\"checkbox\"/> その他 (ICカード標準システム )",
        "",
        "システム7⇥",
        "①システムの名称⇥申請管理システム",
        "③他のシステムとの接続⇥<input type=\"checkbox\"/> 情報提供ネットワークシステム <input "
        "type=\"checkbox\"/> 庁内連携システム <input checked=\"\" type=\"checkbox\"/> "
        "既存住民基本台帳システム",
        "システム11～15⇥",
        "システム16～20⇥",
        "3. 特定個人情報ファイル名⇥",
        "1. 既存住民基本台帳ファイル 2. 本人確認情報ファイル 3. 送付先情報ファイル⇥",
    });
    const json& systems = at(d, "/systems");
    REQUIRE(systems.size() == 2);
    CHECK(systems[0].at("number") == 3);
    CHECK(systems[0].at("name") == "証明書コンビニ交付システム");
    CHECK(systems[0].at("functions") ==
          "1. 証明書交付センターからの依頼によりコンビニからの証明書発行依頼に応答する。\n2. "
          "証明書の発行履歴を保持し、出力する。");
    REQUIRE(systems[0].at("connections").size() == 7);
    CHECK(systems[0].at("connections")[0] == check("情報提供ネットワークシステム", nullptr));
    CHECK(systems[0].at("connections")[6] == check("その他", nullptr, "ICカード標準システム"));
    CHECK(systems[1].at("number") == 7);
    CHECK(systems[1].at("name") == "申請管理システム");
    CHECK(systems[1].at("functions") == nullptr);
    CHECK(systems[1].at("connections")[3] == check("既存住民基本台帳システム", true));
    CHECK(at(d, "/file_names") ==
          json::array({"既存住民基本台帳ファイル", "本人確認情報ファイル", "送付先情報ファイル"}));
  }
  SECTION("markdown group headings (000:42-56)") {
    const json d = parse({
        kTitle,
        "## I 基本情報",
        "## 2. 特定個人情報ファイルを取り扱う事務において使用するシステム",
        "",
        "## システム1",
        "",
        "①システムの名称⇥収滞納管理システム⇥",
        "",
        "## システム2～5",
        "",
        "## システム6～10",
        "",
        "## システム11～15",
        "",
        "## システム16～20",
        "",
        "### 3. 特定個人情報ファイル名",
        "",
        "徴収・滞納整理関係情報ファイル",
    });
    const json& systems = at(d, "/systems");
    REQUIRE(systems.size() == 1);
    CHECK(systems[0].at("number") == 1);
    CHECK(systems[0].at("name") == "収滞納管理システム");
    CHECK(at(d, "/file_names") == json::array({"徴収・滞納整理関係情報ファイル"}));
  }
  SECTION("a caption before the group it announces (003:41-43)") {
    const json d = parse({
        kTitle,
        "## I 基本情報",
        "システム2～5⇥",
        "システム2⇥",
        "①システムの名称⇥番号連携サーバ",
    });
    const json& systems = at(d, "/systems");
    REQUIRE(systems.size() == 1);
    CHECK(systems[0].at("number") == 2);
    CHECK(systems[0].at("name") == "番号連携サーバ");
  }
}

TEST_CASE("segment: 委託事項1 with its fields, unused 提供先/移転先 blocks give no item",
          "[segment]") {
  const json d = parse(kFileDoc);
  REQUIRE(at(d, "/files").size() == 1);
  const json& f = at(d, "/files/0");
  CHECK(f.at("number") == 1);
  CHECK(f.at("name") == "徴収・滞納整理関係情報ファイル");

  const json& o = f.at("outsourcing");
  CHECK(o.at("status") == "委託する");
  CHECK(o.at("declared_count") == 1);
  const json entrust = {
      {"number", 1},
      {"title", "収納滞納管理システム保守業務"},
      {"content",
       "・収納滞納管理システムの保守 ・ガバメントクラウドでのシステム構築・データ移行作業"},
      {"handler_count", "10人未満"},
      {"contractor", "株式会社 SBS情報システム"},
      {"subcontract", "再委託しない"},
      {"subcontract_approval", nullptr},
      {"subcontract_items", nullptr},
      // 様式4-only rows: absent from a 様式3 document
      {"file_scope", nullptr},
      {"subject_count", nullptr},
      {"subject_scope", nullptr},
      {"scope_rationale", nullptr},
      {"provision_methods", json::array()},
      {"contractor_disclosure", nullptr},
  };
  CHECK(o.at("entrusts") == json::array({entrust}));

  const json& p = f.at("provision");
  CHECK(p.at("status") ==
        json::array({check("提供を行っている", true), check("移転を行っている", false),
                     check("行っていない", false)}));
  CHECK(p.at("provided_count") == nullptr);
  CHECK(p.at("transferred_count") == nullptr);
  REQUIRE(p.at("recipients").size() == 1);
  const json& r = p.at("recipients")[0];
  CHECK(r.at("number") == 1);
  CHECK(r.at("name") == "他団体(各地方公共団体等)");
  CHECK(r.at("legal_basis") == "番号法第9条第1項 別表24の項");
  CHECK(r.at("purpose") == "徴収事務");
  CHECK(r.at("information") == "滞納者関連情報(収納額、財産、その他備考、特記事項等)");
  CHECK(r.at("subject_count") == "10万人以上100万人未満");
  CHECK(r.at("subject_scope") == "納税義務者又は義務者のうち、実態調査の回答依頼のある者");
  CHECK(r.at("methods") == json::array({
                               check("情報提供ネットワークシステム", false),
                               check("専用線", false),
                               check("電子メール", false),
                               check("電子記録媒体（フラッシュメモリを除く。）", false),
                               check("フラッシュメモリ", false),
                               check("紙", true),
                               check("その他", false),
                           }));
  CHECK(r.at("timing") == "提供を求められたら都度(平成26年度は合計約1600回)");
  CHECK(p.at("destinations") == json::array());  // 移転先1 is an unused template block
}

TEST_CASE("segment: II fields, merged cells and two-level labels", "[segment]") {
  const json d = parse(kFileDoc);
  const json& f = at(d, "/files/0");
  CHECK(f.at("kind") == "システム用ファイル");  // 000:84 echoed value
  CHECK(f.at("retention_start") == "2016-01-01");
  CHECK(f.at("sources") == json::array({
                               check("本人又は本人の代理人", nullptr),
                               check("評価実施機関内の他部署", nullptr, "市民課"),
                               check("行政機関・独立行政法人等", nullptr, "デジタル庁"),
                               check("地方公共団体・地方独立行政法人", nullptr),
                               check("民間事業者", nullptr),
                               check("その他", nullptr),
                           }));
  // 000:97-100: the label in the middle row of a merged cell; neighbour rows start with TAB
  CHECK(f.at("acquisition_methods") ==
        json::array({
            check("紙", nullptr),
            check("電子記録媒体（フラッシュメモリを除く。）", nullptr),
            check("フラッシュメモリ", nullptr),
            check("電子メール", nullptr),
            check("専用線", nullptr),
            check("庁内連携システム", true),
            check("情報提供ネットワークシステム", true),
            check("その他", nullptr),
        }));
  CHECK(f.at("purpose") ==
        "各税、各料金の徴収簿の管理、滞納整理、滞納処分、還付事務に係る手続き及び執行。");
  // 000:102-103 ④使用の主体⇥使用部署⇥… / ⇥使用者数⇥[ … ]
  CHECK(f.at("user_departments") == "行政経営部納税促進課");
  CHECK(f.at("user_count") == "10人以上50人未満");
  CHECK(f.at("usage") == "・各税、各料金の徴収簿より調定に対する収納状況を把握する。");
  CHECK(f.at("matching") ==
        "(1)宛名情報と地方税関係情報を突合して、個人番号・法人番号の真正性を確認する。");
  // 004:188-190 ⑨使用開始日 / blank / 平成28年1月1日
  CHECK(f.at("use_start") == "2016-01-01");
  CHECK(f.at("notes") == nullptr);
  // no Ⅲ block in the text: the file still carries every Section of the form
  CHECK(f.at("risk_measures").at("outsourcing").at("opt_outs") ==
        json::array({check("委託しない", nullptr)}));
  CHECK(f.at("risk_measures").at("storage").at("risks")[0].at("title") ==
        "特定個人情報の漏えい・滅失・毀損リスク");
  CHECK(f.at("risk_measures").at("use").at("risks").size() == 2);
  CHECK(f.at("risk_measures").at("audit").size() == 3);
}

TEST_CASE("segment: a label on its own line, the value on the following lines", "[segment]") {
  // 001:151-160 保管場所 ※ / blank / ### <栃木市における措置> / … / - ・サーバ室の入退室管理
  const json d = parse(kFileDoc);
  CHECK(at(d, "/files/0/storage/location") ==
        "<栃木市における措置>\n(庁内で保管)\n・建物の入退館管理\n・サーバ室の入退室管理");
}

// ---- II and III per file, 別添1 ---------------------------------------------------------------

TEST_CASE("segment: II and III split per file, 別添1 binds by caption", "[segment]") {
  // 001:197-292, 001:354-361
  const json d = parse({
      kTitle,
      "## II 特定個人情報ファイルの概要",
      "",
      "1. 特定個人情報ファイル名⇥",
      "1. 住民基本台帳ファイル⇥",
      "2. 基本情報⇥",
      "①ファイルの種類 ※⇥[ システム用ファイル ] <選択肢> 1) システム用ファイル 2) "
      "その他の電子ファイル(表計算ファイル等)",
      "⑤保有開始日⇥平成27年6月",
      "",
      "## II 特定個人情報ファイルの概要",
      "",
      "1. 特定個人情報ファイル名⇥",
      "2. 本人確認情報ファイル⇥",
      "2. 基本情報⇥",
      "①ファイルの種類 ※⇥[ その他の電子ファイル(表計算ファイル等) ] <選択肢> 1) "
      "システム用ファイル 2) その他の電子ファイル(表計算ファイル等)",
      "⑤保有開始日⇥平成27年10月1日",
      "",
      "## (別添1) 特定個人情報ファイル記録項目",
      "",
      "### 2. 本人確認情報ファイル",
      "",
      "1. 住民票コード、2. 漢字氏名、3. 外字数(氏名)",
      "",
      "### 1. 住民基本台帳ファイル",
      "",
      "### 宛名情報",
      "",
      "1. 異動事由、2. 届出日",
      "",
      "### Ⅲ リスク対策 ※(7. ②を除く。)",
      "",
      "<b>1. 特定個人情報ファイル名</b>⇥",
      "1. 住民基本台帳ファイル⇥",
      "<b>2. 特定個人情報の入手（情報提供ネットワークシステムを通じた入手を除く。）</b>⇥",
      "リスク： 目的外の入手が行われるリスク⇥",
      "リスクに対する措置の内容⇥本人確認書類にて確認している。",
      "リスクへの対策は十分か⇥<p>[ 十分である ] &lt;選択肢&gt;</p> <p>1) 特に力を入れている</p>",
      "",
      "### Ⅲ リスク対策 ※(7. ②を除く。)",
      "",
      "1. 特定個人情報ファイル名⇥",
      "2. 本人確認情報ファイル⇥",
      "2. 特定個人情報の入手（情報提供ネットワークシステムを通じた入手を除く。）⇥",
      "リスク： 目的外の入手が行われるリスク⇥",
      "リスクに対する措置の内容⇥住基ネットとの照合を行う。",
      "リスクへの対策は十分か⇥<p>[ 特に力を入れている ] &lt;選択肢&gt;</p>",
  });
  const json& files = at(d, "/files");
  REQUIRE(files.size() == 2);
  CHECK(files[0].at("number") == 1);
  CHECK(files[0].at("name") == "住民基本台帳ファイル");
  CHECK(files[0].at("kind") == "システム用ファイル");
  CHECK(files[0].at("retention_start") == "2015-06");
  CHECK(files[1].at("number") == 2);
  CHECK(files[1].at("name") == "本人確認情報ファイル");
  CHECK(files[1].at("kind") == "その他の電子ファイル（表計算ファイル等）");
  CHECK(files[1].at("retention_start") == "2015-10-01");

  const json risk1 = at(d, "/files/0/risk_measures/acquisition/risks/0");
  CHECK(risk1.at("measures") == "本人確認書類にて確認している。");
  CHECK(risk1.at("adequacy") == "十分である");
  const json risk2 = at(d, "/files/1/risk_measures/acquisition/risks/0");
  CHECK(risk2.at("measures") == "住基ネットとの照合を行う。");
  CHECK(risk2.at("adequacy") == "特に力を入れている");

  // the file captions of 別添1 select the file, whatever their order
  CHECK(files[0].at("record_items") ==
        json::array({{{"group", "宛名情報"}, {"items", json::array({"異動事由", "届出日"})}}}));
  CHECK(files[1].at("record_items") ==
        json::array({{{"group", nullptr},
                      {"items", json::array({"住民票コード", "漢字氏名", "外字数(氏名)"})}}}));
  CHECK_FALSE(contains(at(d, "/quality/sections_missing"), "Ⅲ リスク対策"));
  CHECK(diagnostics_with_rule(d, "REC007").empty());
}

TEST_CASE("segment: a III block without a II file is reported", "[segment]") {
  const json d = parse({
      kTitle,
      "### Ⅲ リスク対策 ※(7. ②を除く。)",
      "1. 特定個人情報ファイル名⇥",
      "住民基本台帳ファイル⇥",
      "2. 特定個人情報の入手（情報提供ネットワークシステムを通じた入手を除く。）⇥",
      "リスク： 目的外の入手が行われるリスク⇥",
      "リスクに対する措置の内容⇥確認している。",
  });
  CHECK(at(d, "/files") == json::array());
  const auto rec007 = diagnostics_with_rule(d, "REC007");
  REQUIRE(rec007.size() == 1);
  CHECK(rec007[0].at("severity") == "warning");
  CHECK(rec007[0].at("line") == 4);  // the line of the file name
}

// ---- III risks ------------------------------------------------------------------------------

namespace {

// 000:206-313 with OCR variants from 001 and 003.
const Lines kRiskDoc = {
    kTitle,
    "## Ⅱ 特定個人情報ファイルの概要",
    "1. 特定個人情報ファイル名⇥",
    "徴収・滞納整理関係情報ファイル⇥",  // 000:82
    "### Ⅲ リスク対策 ※(7. ②を除く。)",
    "1. 特定個人情報ファイル名⇥",
    "徴収・滞納整理関連情報ファイル⇥",  // 000:209 (関連, not 関係)
    "3. 特定個人情報の使用⇥",
    // 000:216 OCR variant of the title
    "リスク1： 目的を超えた紐付け、事務に必要な情報との紐付けが行われるリスク⇥",
    "リスクに対する措置の内容⇥アクセス制御を行っている。",
    "リスクへの対策は十分か⇥<div> <div>[          十分である          ]</div> <div> "
    "<div>&lt;選択肢&gt;</div> <div> <div>1) 特に力を入れている</div> <div>2) 十分である</div> "
    "<div>3) 課題が残されている</div> </div> </div> </div>",
    "リスク2： 権限のない者(元職員、アクセス権限のない職員等)によって不正に使用されるリスク⇥",
    "ユーザ認証の管理⇥<div> <div>[    行っている    ]</div> <div> <div>&lt;選択肢&gt;</div> "
    "<div> <div>1) 行っている</div> <div>2) 行っていない</div> </div> </div> </div>",
    "具体的な管理方法⇥個人ごとにユーザーIDを割り当て、ID/パスワードで認証を行っている。",
    "その他の措置の内容⇥⇥",
    "リスクへの対策は十分か⇥[     課題が残されている     ]⇥<選択肢> 1) 特に力を入れている      "
    "      2) 十分である 3) 課題が残されている",
    "特定個人情報の使用におけるその他のリスク及びそのリスクに対する措置⇥",
    "",
    "4. 特定個人情報ファイルの取扱いの委託⇥⇥[     ] 委託しない",  // 000:226
    "リスク： 委託先における不正な使用等のリスク⇥⇥",
    "委託契約書中の特定個人情報ファイルの取扱いに関する規定⇥[     定めている     ]⇥<選択肢> 1) "
    "定めている                      2) 定めていない",
    // 001:379 variant 再委託による…
    "再委託による特定個人情報ファイルの適切な取扱いの担保⇥[ 再委託していない ]⇥<選択肢> 1) "
    "特に力を入れて行っている 2) 十分に行っている 3) 十分に行っていない 4) 再委託していない",
    // 003:207 the opt-out box lost
    "5. 特定個人情報の提供・移転（委託や情報提供ネットワークシステムを通じた提供を除く。） <input "
    "type=\"checkbox\"/> 提供・移転しない⇥⇥",
    // 001:326
    "6. 情報提供ネットワークシステムとの接続⇥⇥[ ○ ] 接続しない(入手)⇥[ ] 接続しない(提供)",
    "リスク1: 目的外の入手が行われるリスク⇥⇥⇥",  // 000:244 half-width colon
    "リスクに対する措置の内容⇥照会許可照合リストとの照合を行う。",
    "リスクへの対策は十分か⇥[     十分である     ]⇥<p>＜選択肢＞</p> <p>1) 特に力を入れている    "
    "                  2) 十分である</p> <p>3) 課題が残されている</p>⇥",
    "",
    "## 7. 特定個人情報の保管・消去",  // 000:253-262, rows ① and ② swapped
    "",
    "リスク： 特定個人情報の漏えい・滅失・毀損リスク",
    "",
    "②過去3年以内に、評価実施機関において、個人情報に関する重大事故が発生したか⇥[ 発生なし "
    "]⇥<選択肢> 1) 発生あり    2) 発生なし",
    "①事故発生時手順の策定・周知⇥[ 十分に行っている ]⇥<選択肢> 1) 特に力を入れて行っている    "
    "2) 十分に行っている 3) 十分に行っていない",
    "8. 監査⇥",
    "実施の有無⇥[<input checked=\"\" type=\"checkbox\"/>] 自己点検 [] 内部監査 [] 外部監査",  // 003:237
    "9. 従業員に対する教育・啓発⇥",  // 000:309
    "従業員に対する教育・啓発⇥<input checked=\"\" type=\"checkbox\"/> 特に力を入れて行っている    "
    "  <選択肢> 1) 特に力を入れて行っている    2) 十分に行っている 3) 十分に行っていない",
    "具体的な方法⇥初任時に研修を実施する。",
    "10. その他のリスク対策⇥",
    "<p>＜中間サーバー・プラットフォームにおける措置＞</p> "
    "<p>高レベルのセキュリティ管理を行う。</p>",
};

}  // namespace

TEST_CASE("segment: III risks with canonical titles, controls in form order", "[segment]") {
  const json d = parse(kRiskDoc);
  REQUIRE(at(d, "/files").size() == 1);
  const json& rm = at(d, "/files/0/risk_measures");

  // a section absent from the text still lists its risk
  CHECK(rm.at("acquisition") ==
        json{{"opt_outs", json::array()},
             {"risks", json::array({{{"number", nullptr},
                                     {"title", "目的外の入手が行われるリスク"},
                                     {"measures", nullptr},
                                     {"controls", json::array()},
                                     {"adequacy", nullptr}}})},
             {"other_risks", nullptr}});

  const json& use = rm.at("use");
  CHECK(use.at("opt_outs") == json::array());
  REQUIRE(use.at("risks").size() == 2);
  CHECK(use.at("risks")[0] ==
        json{{"number", 1},
             {"title", "目的を超えた紐付け、事務に必要のない情報との紐付けが行われるリスク"},
             {"measures", "アクセス制御を行っている。"},
             {"controls", json::array()},
             {"adequacy", "十分である"}});
  CHECK(use.at("risks")[1] ==
        json{{"number", 2},
             {"title",
              "権限のない者（元職員、アクセス権限のない職員等）によって不正に使用されるリスク"},
             {"measures", nullptr},
             {"controls",
              json::array(
                  {control("ユーザ認証の管理", "行っている", nullptr),
                   control("具体的な管理方法", nullptr,
                           "個人ごとにユーザーIDを割り当て、ID/パスワードで認証を行っている。"),
                   control("その他の措置の内容", nullptr, nullptr)})},
             {"adequacy", "課題が残されている"}});
  CHECK(use.at("other_risks") == nullptr);

  const json& outsourcing = rm.at("outsourcing");
  CHECK(outsourcing.at("opt_outs") == json::array({check("委託しない", false)}));
  REQUIRE(outsourcing.at("risks").size() == 1);
  CHECK(outsourcing.at("risks")[0].at("number") == nullptr);
  CHECK(outsourcing.at("risks")[0].at("title") == "委託先における不正な使用等のリスク");
  CHECK(
      outsourcing.at("risks")[0].at("controls") ==
      json::array({
          control("委託契約書中の特定個人情報ファイルの取扱いに関する規定", "定めている", nullptr),
          control("規定の内容", nullptr, nullptr),
          control("再委託先による特定個人情報ファイルの適切な取扱いの担保", "再委託していない",
                  nullptr),
          control("具体的な方法", nullptr, nullptr),
          control("その他の措置の内容", nullptr, nullptr),
      }));

  const json& provision = rm.at("provision");
  CHECK(provision.at("opt_outs") == json::array({check("提供・移転しない", nullptr)}));
  REQUIRE(provision.at("risks").size() == 1);
  CHECK(provision.at("risks")[0].at("title") == "不正な提供・移転が行われるリスク");
  CHECK(provision.at("risks")[0].at("controls") ==
        json::array({control("特定個人情報の提供・移転に関するルール", nullptr, nullptr),
                     control("ルールの内容及びルール遵守の確認方法", nullptr, nullptr),
                     control("その他の措置の内容", nullptr, nullptr)}));

  const json& network = rm.at("network");
  CHECK(network.at("opt_outs") ==
        json::array({check("接続しない（入手）", true), check("接続しない（提供）", false)}));
  REQUIRE(network.at("risks").size() == 2);
  CHECK(network.at("risks")[0] == json{{"number", 1},
                                       {"title", "目的外の入手が行われるリスク"},
                                       {"measures", "照会許可照合リストとの照合を行う。"},
                                       {"controls", json::array()},
                                       {"adequacy", "十分である"}});
  CHECK(network.at("risks")[1] == json{{"number", 2},
                                       {"title", "不正な提供が行われるリスク"},
                                       {"measures", nullptr},
                                       {"controls", json::array()},
                                       {"adequacy", nullptr}});

  const json& storage = rm.at("storage");
  CHECK(storage.at("opt_outs") == json::array());
  REQUIRE(storage.at("risks").size() == 1);
  CHECK(storage.at("risks")[0].at("number") == nullptr);
  CHECK(storage.at("risks")[0].at("title") == "特定個人情報の漏えい・滅失・毀損リスク");
  CHECK(storage.at("risks")[0].at("measures") == nullptr);
  CHECK(storage.at("risks")[0].at("controls") ==
        json::array({
            control("事故発生時手順の策定・周知", "十分に行っている", nullptr),
            control("過去3年以内に、評価実施機関において、個人情報に関する重大事故が発生したか",
                    "発生なし", nullptr),
            control("その内容", nullptr, nullptr),
            control("再発防止策の内容", nullptr, nullptr),
            control("その他の措置の内容", nullptr, nullptr),
        }));
  CHECK(at(d, "/serious_incident") == "発生なし");
  CHECK(at(d, "/threshold/serious_incident") == "発生なし");

  CHECK(rm.at("audit") ==
        json::array({check("自己点検", true), check("内部監査", false), check("外部監査", false)}));
  CHECK(rm.at("training") ==
        json{{"level", "特に力を入れて行っている"}, {"method", "初任時に研修を実施する。"}});
  CHECK(rm.at("other") ==
        "＜中間サーバー・プラットフォームにおける措置＞\n高レベルのセキュリティ管理を行う。");
}

TEST_CASE("segment: a III file name differing from II is a diagnostic, not a rename", "[segment]") {
  // docs/output-conventions.md §7, FORMS §2.7 (000:82 関係 vs 000:209 関連)
  const json d = parse(kRiskDoc);
  CHECK(at(d, "/files/0/name") == "徴収・滞納整理関係情報ファイル");
  bool reported = false;
  for (const auto& diag : at(d, "/diagnostics")) {
    reported = reported || contains(diag.at("paths"), "/files/0/name");
  }
  CHECK(reported);
}

// ---- 委託の有無 inference ----------------------------------------------------------------------

TEST_CASE("segment: 委託の有無 inferred from a filled count or listed 委託事項", "[segment]") {
  SECTION("no readable mark, ( 1 ) 件 (004:194)") {
    const Lines lines = {
        kTitle,
        "## Ⅱ 特定個人情報ファイルの概要",
        "1. 特定個人情報ファイル名⇥",
        "収納・滞納情報ファイル⇥",
        "#### 4. 特定個人情報ファイルの取扱いの委託",
        "委託の有無 ※⇥<input type=\"checkbox\"/> 委託する <input type=\"checkbox\"/> 委託しない ( "
        "1 ) 件",
    };
    const json d = parse(lines);
    CHECK(at(d, "/files/0/outsourcing/status") == "委託する");
    CHECK(at(d, "/files/0/outsourcing/declared_count") == 1);
    const auto rec001 = diagnostics_with_rule(d, "REC001");
    REQUIRE(rec001.size() == 1);
    CHECK(rec001[0].at("severity") == "info");
    CHECK(rec001[0].at("paths") ==
          json::array({"/files/0/outsourcing/status", "/files/0/outsourcing/declared_count"}));
    CHECK(rec001[0].at("line") == line_of(lines, "委託の有無"));
  }
  SECTION("no readable mark, blank count, 委託事項1 listed") {
    const json d = parse({
        kTitle,
        "## Ⅱ 特定個人情報ファイルの概要",
        "1. 特定個人情報ファイル名⇥",
        "収納・滞納情報ファイル⇥",
        "4. 特定個人情報ファイルの取扱いの委託⇥",
        "委託の有無 ※⇥<input type=\"checkbox\"/> 委託する <input type=\"checkbox\"/> 委託しない ( "
        ") 件",
        "委託事項1⇥税系システム運用支援・改修業務",  // 004:195-196
        "①委託内容⇥システム運用、保守、改修に関すること。",
    });
    CHECK(at(d, "/files/0/outsourcing/status") == "委託する");
    CHECK(at(d, "/files/0/outsourcing/declared_count") == nullptr);
    REQUIRE(at(d, "/files/0/outsourcing/entrusts").size() == 1);
    CHECK(at(d, "/files/0/outsourcing/entrusts/0/title") == "税系システム運用支援・改修業務");
    const auto rec001 = diagnostics_with_rule(d, "REC001");
    REQUIRE(rec001.size() == 1);
    CHECK(rec001[0].at("paths") ==
          json::array({"/files/0/outsourcing/status", "/files/0/outsourcing/entrusts"}));
  }
  SECTION("a readable value is never overridden") {
    const json d = parse({
        kTitle,
        "## Ⅱ 特定個人情報ファイルの概要",
        "1. 特定個人情報ファイル名⇥",
        "収納・滞納情報ファイル⇥",
        "4. 特定個人情報ファイルの取扱いの委託⇥",
        "委託の有無 ※⇥[ 委託しない ]⇥<選択肢> 1) 委託する 2) 委託しない ( ) 件",
    });
    CHECK(at(d, "/files/0/outsourcing/status") == "委託しない");
    CHECK(at(d, "/files/0/outsourcing/declared_count") == nullptr);
    CHECK(diagnostics_with_rule(d, "REC001").empty());
  }
  SECTION("no mark and nothing declared stays null") {
    const json d = parse({
        kTitle,
        "## Ⅱ 特定個人情報ファイルの概要",
        "1. 特定個人情報ファイル名⇥",
        "収納・滞納情報ファイル⇥",
        "4. 特定個人情報ファイルの取扱いの委託⇥",
        "委託の有無 ※⇥<input type=\"checkbox\"/> 委託する <input type=\"checkbox\"/> 委託しない ( "
        ") 件",
    });
    CHECK(at(d, "/files/0/outsourcing/status") == nullptr);
    CHECK(diagnostics_with_rule(d, "REC001").empty());
  }
}

// ---- 変更箇所 ---------------------------------------------------------------------------------

TEST_CASE("segment: 変更箇所 rows, the header row, repeated, is not a row", "[segment]") {
  const json d = parse({
      kTitle,
      "## (別添2)変更箇所",  // 000:342
      "", "変更日⇥項目⇥変更前の記載⇥変更後の記載⇥提出時期⇥提出時期に係る説明",
      // 000:371
      "令和4年12月31日⇥II 特定個人情報ファイルの概要 3. 特定個人情報の入手・使用 "
      "①入手元⇥[○]本人又は本人の代理人 [○]評価実施機関内の他部署(市民課)⇥[○]本人又は本人の代理人 "
      "[○]評価実施機関内の他部署(市民課) [○]行政機関・独立行政法人等(デジタル庁)⇥事後⇥令和4年1月1日"
      "施行の法改正に伴うもの",
      "",
      "変更日⇥項目⇥変更前の記載⇥変更後の記載⇥提出時期⇥提出時期に係る説明",  // 004:491, 499, …
      "令和1年11月29日⇥特定個人情報ファイルの取扱いの委託 委託の有無⇥2件⇥1件⇥事前⇥",  // 000:354
      "令和2年1月24日⇥1. 基礎項目評価⇥2015/6/30⇥2020/1/24⇥事前⇥",                     // 000:357
  });
  const json& changes = at(d, "/changes");
  REQUIRE(changes.size() == 3);
  CHECK(changes[0] ==
        json{{"date", "2022-12-31"},
             {"item", "II 特定個人情報ファイルの概要 3. 特定個人情報の入手・使用 ①入手元"},
             {"before", "[○]本人又は本人の代理人 [○]評価実施機関内の他部署(市民課)"},
             {"after",
              "[○]本人又は本人の代理人 [○]評価実施機関内の他部署(市民課) "
              "[○]行政機関・独立行政法人等(デジタル庁)"},
             {"timing", "事後"},
             {"reason", "令和4年1月1日施行の法改正に伴うもの"}});
  CHECK(changes[1] == json{{"date", "2019-11-29"},
                           {"item", "特定個人情報ファイルの取扱いの委託 委託の有無"},
                           {"before", "2件"},
                           {"after", "1件"},
                           {"timing", "事前"},
                           {"reason", nullptr}});
  CHECK(changes[2].at("date") == "2020-01-24");
  CHECK(changes[2].at("item") == "1. 基礎項目評価");
  CHECK(changes[2].at("before") == "2015/6/30");
}

// ---- quality, non-assessments, spans --------------------------------------------------------

TEST_CASE("segment: quality counters", "[segment]") {
  const json d = parse({
      kTitle,
      "まったく関係のない一行",  // before any label: not recognized
      "## I 基本情報",
      "## 2. 特定個人情報ファイルを取り扱う事務において使用するシステム",
      "## システム1",
      "①システムの名称⇥収滞納管理システム",
      "③他のシステムとの接続⇥<input type=\"checkbox\"/> 情報提供ネットワークシステム <input "
      "checked=\"\" type=\"checkbox\"/> 宛名システム等",
      "",
  });
  CHECK(at(d, "/source/layout") == "ocr-html");
  CHECK(at(d, "/quality/lines_total") == 7);
  CHECK(at(d, "/quality/lines_recognized") == 6);
  CHECK(at(d, "/quality/checks_unknown") == 6);  // 7 options, only 宛名システム等 marked
  CHECK(at(d, "/quality/sections_missing") ==
        json::array({"Ⅰ 1. 特定個人情報ファイルを取り扱う事務", "Ⅰ 4. 個人番号の利用",
                     "Ⅰ 5. 情報提供ネットワークシステムによる情報連携",
                     "Ⅰ 6. 評価実施機関における担当部署", "Ⅱ 特定個人情報ファイルの概要",
                     "（別添1） 特定個人情報ファイル記録項目", "Ⅲ リスク対策", "Ⅳ 開示請求、問合せ",
                     "Ⅴ 評価実施手続"}));

  const json full = parse(kFileDoc);
  const auto non_blank = std::count_if(kFileDoc.begin(), kFileDoc.end(),
                                       [](const std::string& l) { return !l.empty(); });
  CHECK(at(full, "/quality/lines_total") == non_blank);
  // 入手元 000:95 (6 of 6 unknown) + 入手方法 000:97-100 (6 of 8) + 主な記録項目, absent (19) + the
  // check sets of the file's lost Ⅲ block: 実施の有無 (3) and the opt-out boxes of Ⅲ 4, 5, 6 (4).
  // 提供・移転の有無 and 提供方法 are fully read; the unused 移転先1 is dropped.
  CHECK(at(full, "/quality/checks_unknown") == 6 + 6 + 19 + 3 + 4);
}

TEST_CASE("segment: a text that is not an assessment is rejected", "[segment]") {
  CHECK_THROWS_AS(
      parser().parse("吾輩は猫である。名前はまだ無い。\n"
                     "どこで生れたかとんと見当がつかぬ。\n"
                     "何でも薄暗いじめじめした所でニャーニャー泣いていた事だけは記憶している。\n"
                     "吾輩はここで始めて人間というものを見た。\n"),
      hyoka::NotAnAssessment);
  CHECK_THROWS_AS(parser().parse(""), hyoka::NotAnAssessment);
  CHECK_THROWS_AS(parser().parse("税の徴収に関する事務\t株式会社\n公表日は未定です。\n"),
                  hyoka::NotAnAssessment);
}

TEST_CASE("segment: spans give the input lines of each value", "[segment]") {
  hyoka::ParseOptions with_spans;
  with_spans.spans = true;
  const json d = parse(kFileDoc, with_spans);
  REQUIRE(d.contains("spans"));
  const json& spans = d.at("spans");
  const int kind = line_of(kFileDoc, "①ファイルの種類");
  CHECK(spans.at("/files/0/kind") == json::array({kind, kind}));
  const int contractor = line_of(kFileDoc, "③委託先名");
  CHECK(spans.at("/files/0/outsourcing/entrusts/0/contractor") ==
        json::array({contractor, contractor}));
  const int recipient = line_of(kFileDoc, "②提供先における用途");
  CHECK(spans.at("/files/0/provision/recipients/0/purpose") == json::array({recipient, recipient}));
  // a value over several lines: from the label to its last line
  CHECK(spans.at("/files/0/storage/location") ==
        json::array({line_of(kFileDoc, "保管場所"), line_of(kFileDoc, "- ・サーバ室")}));
  CHECK(spans.at("/files/0/use_start") ==
        json::array({line_of(kFileDoc, "⑥使用開始日"), line_of(kFileDoc, "平成28年1月1日")}));
  for (const auto& [pointer, range] : spans.items()) {
    INFO(pointer);
    CHECK_NOTHROW(d.at(json::json_pointer(pointer)));
    REQUIRE(range.size() == 2);
    CHECK(range[0].get<int>() >= 1);
    CHECK(range[0].get<int>() <= range[1].get<int>());
  }

  CHECK_FALSE(parse(kFileDoc).contains("spans"));
}

TEST_CASE("segment: a labelled row of another template ends the value, it does not join it",
          "[segment]") {
  // 004:171 (様式4) `③入手の時期・頻度⇥…` is not a 様式3 label; its value must not become part
  // of the previous field's text.
  const json d = parse({
      kTitle,
      "## Ⅱ 特定個人情報ファイルの概要",
      "1. 特定個人情報ファイル名⇥",
      "収納・滞納情報ファイル⇥",
      "3. 特定個人情報の入手・使用⇥",
      "③使用目的 ※⇥地方税の収納及び徴収を行うため。",
      "④入手の時期・頻度⇥納付があつた都度",
      "⑥使用開始日⇥平成28年1月1日",
  });
  CHECK(at(d, "/files/0/purpose") == "地方税の収納及び徴収を行うため。");
  CHECK(at(d, "/files/0/use_start") == "2016-01-01");
  CHECK(at(d, "/quality/lines_recognized").get<int>() ==
        at(d, "/quality/lines_total").get<int>() - 1);
}

TEST_CASE("segment: a page printed as one line is cut at its labels", "[segment]") {
  // extract_longline.txt (seed 003 as a document-sharing site prints it): page number, then every
  // cell of the page separated by blanks
  std::string page =
      "1 特定個人情報保護評価書(重点項目評価書) 項目一覧 I 基本情報 II 特定個人情報ファイルの概要 "
      "I 基本情報 1. 特定個人情報ファイルを取り扱う事務 ①事務の名称 給付金の支給に関する事務 "
      "6. 評価実施機関における担当部署 ①部署 福祉局 ②所属長の役職名 福祉総務課長 "
      "7. 他の評価実施機関 —";
  // the rest of the page: a long declaration keeps the line page-long
  page += " 個人のプライバシー等の権利利益の保護の宣言 ";
  while (page.size() < 900)
    page += "特定個人情報の漏えいその他の事態を発生させるリスクを軽減させる。";
  const json d = parse({page});
  CHECK(at(d, "/affair/name") == "給付金の支給に関する事務");
  CHECK(at(d, "/department/name") == "福祉局");
  CHECK(at(d, "/department/head_title") == "福祉総務課長");  // no section number `7.` left over
  CHECK(at(d, "/other_bodies") == nullptr);
  CHECK(at(d, "/quality/values_recovered").get<int>() > 5);
}

TEST_CASE("segment: in text layouts a label and its value share a line", "[segment]") {
  // 002:61 ` ①システムの名称 軽自動車税システム`, 002:26 `特記事項 なし`
  const json d = parse({kTitle, "", "特記事項 なし", "", "Ⅰ　基本情報", "",
                        "2．特定個人情報ファイルを取り扱う事務において使用するシステム", "",
                        "システム1", " ①システムの名称 軽自動車税システム", "", "", ""});
  CHECK(at(d, "/source/layout") != "ocr-html");
  CHECK(at(d, "/header/special_notes") == "なし");
  CHECK(at(d, "/systems/0/name") == "軽自動車税システム");
}

TEST_CASE("segment: an OCR-confused character in a label is repaired and counted", "[segment]") {
  // 片 for 庁, ロ for 口: `片内連携システム` (003:146) inside a label
  const json d = parse({kTitle, "## I 基本情報", "## 6. 評価実施機関における担当部署",
                        "①部署⇥福祉局", "②所属長の役職名⇥福祉総務課長", "## Ⅳ 開示請求、問合せ",
                        "1. 特定個人情報の開示・訂正・利用停止請求⇥", "③法令による特別の手続⇥なし",
                        "④個人情報ファイル簿への不記載等⇥なし",
                        "2. 特定個人情報ファイルの取扱いに関する問合せ⇥", "②対応方法⇥記録を残す。",
                        "①連絡先⇥福祉総務課"});
  CHECK(at(d, "/disclosure/contact") == "福祉総務課");
  CHECK(at(d, "/quality/characters_repaired") == 0);
  const json r = parse({kTitle, "## Ⅳ 開示請求、問合せ", "④個人情報ファイル簿への不記載等⇥なし",
                        "②対応方法⇥記録を残す。", "④個人情報ファイル簿への不記載等⇥なし"});
  CHECK(at(r, "/disclosure/response") == "記録を残す。");
  const json repaired =
      parse({kTitle, "## Ⅱ 特定個人情報ファイルの概要", "1. 特定個人情報ファイル名⇥", "Aファイル⇥",
             "3. 特定個人情報の入手・使用⇥", "③使用目的 ※⇥目的", "⑥使用開始日⇥平成28年1月1日",
             "4. 特定個人情報ファイルの取扱いの委託⇥", "委託事項1⇥保守", "③委託先名⇥株式会社ロロ",
             "①委託内容⇥保守作業"});
  CHECK(at(repaired, "/files/0/outsourcing/entrusts/0/content") == "保守作業");
}

TEST_CASE("segment: pdftotext check sets take complete boxes of their own options from the page",
          "[segment]") {
  // 002:662-694: the boxes of 主な記録項目 stand among other fields' rows on the same page
  const json d = parse({kTitle,
                        "",
                        "",
                        "",
                        "Ⅱ　特定個人情報ファイルの概要",
                        "１．特定個人情報ファイル名",
                        "（１）軽自動車税賦課情報ファイル",
                        "２．基本情報",
                        " 主な記録項目　※",
                        "",
                        "・識別情報",
                        "",
                        "[ ○ ] 個人番号",
                        "",
                        " その必要性",
                        "必要がある。",
                        "",
                        "[ ○ ] その他住民票関係情報",
                        "",
                        "[ ] 国税関係情報 [ ○ ] 地方税関係情報",
                        "",
                        "] 障害者福祉関係情報",
                        "",
                        "[ ○ ] 紙",
                        "",
                        "",
                        "",
                        "次の頁",
                        "",
                        "",
                        "",
                        "その次の頁",
                        "",
                        "",
                        ""});
  CHECK(at(d, "/source/layout") == "pdftotext");
  const json& items = at(d, "/files/0/main_items");
  CHECK(items[0] == check("個人番号", true));
  CHECK(items[5] == check("その他住民票関係情報", true));
  CHECK(items[6] == check("国税関係情報", false));
  CHECK(items[7] == check("地方税関係情報", true));
  CHECK(items[11] == check("障害者福祉関係情報", nullptr));  // a detached `]`: no guess
  CHECK(at(d, "/quality/values_recovered").get<int>() >= 3);
}

TEST_CASE("segment: a label wrapped over three lines and bracket pieces that are not text",
          "[segment]") {
  // 002:1322-1330: `②過去3年以内に、評価実施` / `機関において、個人情報に関` /
  // `する重大事故が発生したか`
  const json d = parse({kTitle,
                        "",
                        "Ⅱ　特定個人情報ファイルの概要",
                        "１．特定個人情報ファイル名",
                        "Aファイル",
                        "Ⅲ　リスク対策",
                        "１．特定個人情報ファイル名",
                        "Aファイル",
                        "７．特定個人情報の保管・消去",
                        "リスク： 特定個人情報の漏えい・滅失・毀損リスク",
                        "②過去3年以内に、評価実施",
                        "機関において、個人情報に関",
                        "する重大事故が発生したか",
                        "[ 発生あり ]",
                        "その内容",
                        "委託業者が誤送付した。",
                        "[",
                        "",
                        "",
                        "",
                        "次の頁",
                        "",
                        "",
                        "",
                        "その次の頁",
                        "",
                        "",
                        ""});
  const json& controls = at(d, "/files/0/risk_measures/storage/risks/0/controls");
  CHECK(controls[1].at("value") == "発生あり");
  const std::string text = controls[2].at("text").get<std::string>();
  CHECK(text.rfind("委託業者が誤送付した。", 0) == 0);
  CHECK(text.find('[') == std::string::npos);  // the lone `[` is not text
  CHECK(at(d, "/serious_incident") == "発生あり");
}

TEST_CASE("segment: pdftotext choice values printed away from their label", "[segment]") {
  // 002:76 `[ 1万人以上10万人未満` … 002:104 `3) 1万人以上10万人未満]`; 002:155 `[
  // システム用ファイル ]`
  const json d = parse({kTitle,
                        "",
                        "",
                        "",
                        "Ⅱ　特定個人情報ファイルの概要",
                        "１．特定個人情報ファイル名",
                        "（１）軽自動車税賦課情報ファイル",
                        "２．基本情報",
                        " ①ファイルの種類　※",
                        "",
                        " ②対象となる本人の数",
                        "",
                        "[ システム用ファイル ]",
                        "",
                        "[ 1万人以上10万人未満",
                        "",
                        " ④記録される項目",
                        "",
                        "[ 10項目以上50項目未満 ]",
                        "",
                        "",
                        "",
                        "次の頁",
                        "",
                        "",
                        "",
                        "その次の頁",
                        "",
                        "",
                        ""});
  REQUIRE(at(d, "/source/layout") == "pdftotext");
  CHECK(at(d, "/files/0/kind") == "システム用ファイル");
  CHECK(at(d, "/files/0/subject_count") == "1万人以上10万人未満");
  CHECK(at(d, "/files/0/item_count") == "10項目以上50項目未満");
  // the same value is an option of two choices labelled on the page: no guess
  const json two = parse({kTitle,
                          "",
                          "",
                          "",
                          "Ⅱ　特定個人情報ファイルの概要",
                          "１．特定個人情報ファイル名",
                          "Aファイル",
                          "３．特定個人情報の入手・使用",
                          " 使用者数",
                          "",
                          "４．特定個人情報ファイルの取扱いの委託",
                          "委託事項1 保守",
                          " ②委託先における取扱者数",
                          "",
                          "[ 10人未満 ]",
                          "",
                          "",
                          "",
                          "次の頁",
                          "",
                          "",
                          "",
                          "その次の頁",
                          "",
                          "",
                          ""});
  CHECK(at(two, "/files/0/user_count") == nullptr);
}

TEST_CASE("segment: text layouts print a group's heading after its fields", "[segment]") {
  // 002:59-110: ①システムの名称 at 61, the caption システム1 only at 110
  const json d = parse({kTitle,
                        "",
                        "Ⅰ 基本情報",
                        "",
                        "2．特定個人情報ファイルを取り扱う事務において使用するシステム",
                        "",
                        " ①システムの名称 軽自動車税システム",
                        "",
                        "システム2～5",
                        "",
                        "システム1",
                        "",
                        " ①システムの名称 収納管理システム",
                        "",
                        "システム2",
                        "",
                        "",
                        "",
                        "次の頁",
                        "",
                        "",
                        "",
                        "その次の頁",
                        "",
                        "",
                        ""});
  REQUIRE(at(d, "/systems").size() == 2);
  CHECK(at(d, "/systems/0/number") == 1);
  CHECK(at(d, "/systems/0/name") == "軽自動車税システム");
  CHECK(at(d, "/systems/1/number") == 2);
  CHECK(at(d, "/systems/1/name") == "収納管理システム");
}

TEST_CASE("segment: a value taken from elsewhere on the page is traced to that page", "[segment]") {
  // --spans must lead from a page-derived value to the lines it came from (issue 4)
  hyoka::ParseOptions options;
  options.spans = true;
  const json d = parse({kTitle,
                        "",
                        "",
                        "",
                        "Ⅱ　特定個人情報ファイルの概要",
                        "１．特定個人情報ファイル名",
                        "（１）軽自動車税賦課情報ファイル",
                        "２．基本情報",
                        " ①ファイルの種類　※",
                        "",
                        "本文",
                        "",
                        "[ システム用ファイル ]",
                        "",
                        "",
                        "",
                        "次の頁",
                        "",
                        "",
                        "",
                        "その次の頁",
                        "",
                        "",
                        ""},
                       options);
  REQUIRE(at(d, "/files/0/kind") == "システム用ファイル");
  const json& span = at(d, "/spans").at("/files/0/kind");
  CHECK(span[0].get<int>() <= 9);   // the label's line
  CHECK(span[1].get<int>() >= 13);  // the line of `[ システム用ファイル ]`
}

TEST_CASE("segment: pdftotext labels above their file's heading, values after ※, glued boxes",
          "[segment]") {
  // 002:190-214: ⑤保有開始日 and ③対象となる本人の範囲 ※ … precede 1．特定個人情報ファイル名;
  // ①ファイルの種類 ※ [ システム用ファイル keeps its value after ※ in a split bracket
  const json d = parse({kTitle,
                        "",
                        "",
                        "",
                        "Ⅱ 特定個人情報ファイルの概要",
                        "",
                        "⑤保有開始日 平成30年12月",
                        "",
                        "③対象となる本人の範囲 ※ 納税義務者",
                        "",
                        "1．特定個人情報ファイル名",
                        "",
                        "（1）軽自動車税賦課情報ファイル",
                        "",
                        "2．基本情報",
                        "",
                        "①ファイルの種類 ※ [ システム用ファイル",
                        "",
                        "",
                        "",
                        "Ⅲ リスク対策 ※（7．②を除く。）",
                        "1．特定個人情報ファイル名",
                        "（1）軽自動車税賦課情報ファイル",
                        "8．監査",
                        "実施の有無",
                        "] 自己点検 ] 外部監査[] 内部監査[ ○ [",
                        "",
                        "",
                        "",
                        "end"});
  REQUIRE(at(d, "/source/layout") == "pdftotext");
  CHECK(at(d, "/files/0/retention_start") == "2018-12");
  CHECK(at(d, "/files/0/subject_scope") == "納税義務者");
  CHECK(at(d, "/files/0/kind") == "システム用ファイル");
  // 002:1417: `[]` glued to 外部監査 is two box pieces, so no state can be told
  const json& audit = at(d, "/files/0/risk_measures/audit");
  CHECK(audit[1] == check("内部監査", nullptr));
  CHECK(audit[2] == check("外部監査", nullptr));
}

TEST_CASE("segment: pdftotext 委託 details printed around 委託の有無 stay with 委託事項1",
          "[segment]") {
  // 002:806-829: （ 75,424 ）　件 above 委託の有無, ③委託先名 after it
  const json d = parse({kTitle,
                        "",
                        "",
                        "",
                        "Ⅱ 特定個人情報ファイルの概要",
                        "1．特定個人情報ファイル名",
                        "（2）収納管理ファイル",
                        "4．特定個人情報ファイルの取扱いの委託",
                        "（ 75,424 ）　件",
                        "",
                        "委託事項1 収納管理システム保守運用業務",
                        "①委託内容 保守運用",
                        "",
                        " 委託の有無　※",
                        "",
                        "③委託先名 株式会社ジーシーシー",
                        "",
                        "",
                        "",
                        "end",
                        "",
                        "",
                        "",
                        "end"});
  REQUIRE(at(d, "/source/layout") == "pdftotext");
  const json& o = at(d, "/files/0/outsourcing");
  CHECK(o.at("declared_count") == 75424);
  REQUIRE(o.at("entrusts").size() == 1);
  CHECK(o.at("entrusts")[0].at("title") == "収納管理システム保守運用業務");
  CHECK(o.at("entrusts")[0].at("contractor") == "株式会社ジーシーシー");
}
