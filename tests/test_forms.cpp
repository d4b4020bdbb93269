// The full form (様式4, 全項目評価書) and the basic form (様式2, 基礎項目評価書) on small hand-made
// documents modelled on fixtures/seeds: 004_93c291e82691a3a8.txt (様式4, OCR-HTML),
// basic_ocr_html.txt and basic_plain.txt (様式2). OCR-HTML documents have one table row per line
// with cells separated by TAB, written ⇥ below; seed lines are quoted as `seed:line`.
// Expected values follow docs/output-conventions.md (§1, §1a, §1b, §1c) and
// ../shared/spec/FORMS.md (§2.8–2.11, §3, §4.5, §4.10).
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "hyoka/grammar.h"
#include "hyoka/parse.h"
#include "hyoka/text.h"

#include "document_support.h"

using namespace document_support;

namespace {

json parse_with_spans(const Lines& lines) {
  hyoka::ParseOptions options;
  options.spans = true;
  return parse(lines, options);
}

json labels_of(const json& controls) {
  json out = json::array();
  for (const auto& c : controls) out.push_back(c.at("label"));
  return out;
}

const char* const kFullTitle = "# 特定個人情報保護評価書(全項目評価書)";     // 004:3
const char* const kBasicTitle = "# 特定個人情報保護評価書(基礎項目評価書)";  // basic_ocr_html:3

const char* const kAdeqList =
    "<選択肢> 1) 特に力を入れている 2) 十分である 3) 課題が残されている";  // 004:333
const char* const kDo3List =
    "<選択肢> 1) 特に力を入れて行っている 2) 十分に行っている 3) 十分に行っていない";  // 004:444

// ---- 様式4: cover, Ⅰ 4, （別添1）, Ⅱ 3 and Ⅱ 4 --------------------------------------------------

const Lines kFullCoverAndFile = {
    kFullTitle,
    "",
    "評価書番号⇥評価書名",  // 004:5-6
    "22⇥新潟市 地方税の収納及び徴収に関する事務 全項目評価書",
    "",
    "## 評価実施機関名",  // 004:14-16
    "",
    "新潟市長",
    "",
    "## 個人情報保護委員会 承認日【行政機関等のみ】",  // 004:18 (no value in the seed)
    "",
    "令和8年6月30日",
    "",
    "## 公表日",  // 004:20
    "",
    "令和8年7月1日",
    "",
    "# I 基本情報",  // 004:34
    "",
    "<b>3. 特定個人情報ファイル名</b>⇥",  // 004:76-77
    "収納・滞納情報ファイル⇥",
    "<b>4. 特定個人情報ファイルを取り扱う理由</b>⇥",  // 004:78-80
    "①事務実施上の必要性⇥個人の特定、個人の宛名の突合を効率化するとともに正確性を向上させるため。",
    "②実現が期待されるメリット⇥正確かつ効率的に納税者の情報を把握することが可能となり、公平・公正"
    "な収納・徴収につながる。",
    "<b>5. 個人番号の利用 ※</b>⇥",  // 004:81-82
    "法令上の根拠⇥<p>・番号利用法第9条第1項(利用範囲)別表の24</p>",
    "",
    "(別添1) 事務の内容",  // 004:91-147
    "",
    "地方税の収納及び徴収に関する事務",
    "",
    "- 特定個人情報を含む情報",
    "",
    "A 事務の流れ",
    "",
    "- A-① 口座振替依頼書申込み・通知 (Web口座振替受付サービスでの申込みを含む)",
    "- A-③ア 過誤納還付請求",
    "",
    "B 連携データの流れ",
    "",
    "- B-⑪ 団体内統合宛名番号と個人番号を紐付けて、特定個人情報を連携",
    "",
    "(備考)",
    "",
    "## II 特定個人情報ファイルの概要",  // 004:153
    "",
    "1. 特定個人情報ファイル名⇥",
    "収納・滞納情報ファイル⇥",
    "2. 基本情報⇥",
    "⑥事務担当部署⇥財務部納税課",
    "",
    "3. 特定個人情報の入手・使用⇥⇥⇥⇥⇥⇥⇥⇥⇥",  // 004:169-186
    "③入手の時期・頻度⇥・納税者本人または代理人から各種の申請や申出などがあった都度。",
    "④入手に係る妥当性⇥番号利用法第9条に基づき、必要な限度で入手する。⇥⇥⇥⇥⇥⇥⇥⇥",
    "⑤本人への明示⇥本人(代理人)に対して利用目的を口頭で説明する。",
    "⑥使用目的 ※⇥収納管理と滞納整理の各事務を公平・公正かつ効率的に行うため。⇥⇥⇥⇥⇥⇥⇥⇥",
    "⇥変更の妥当性⇥使用目的の変更はない。⇥⇥⇥⇥⇥⇥⇥",  // 004:176 (empty in the seed)
    "⑦使用の主体⇥使用部署 ※⇥納税課、市民税課⇥⇥⇥⇥⇥⇥⇥",
    "⇥使用者数⇥[ 100人以上500人未満 ] <選択肢> 1) 10人未満 2) 10人以上50人未満 3) "
    "50人以上100人未満 4) 100人以上500人未満 5) 500人以上1,000人未満 6) 1,000人以上",
    "⑧使用方法 ※⇥本人特定のために使用する。",
    "⇥情報の突合 ※⇥宛名情報との突合により本人確認を行う。⇥⇥⇥⇥⇥⇥⇥",
    "⇥情報の統計分析 ※⇥特定個人情報を特定するような情報の分析は行わない。⇥⇥⇥⇥⇥⇥⇥",
    "⇥権利利益に影響を与え得る決定 ※⇥還付、充当、督促、滞納処分。⇥⇥⇥⇥⇥⇥⇥",
    "",
    "⑨使用開始日",  // 004:188-190
    "",
    "平成28年1月1日",
    "",
    "#### 4. 特定個人情報ファイルの取扱いの委託",  // 004:192-208
    "",
    "委託の有無 ※⇥<input type=\"checkbox\"/> 委託する <input type=\"checkbox\"/> 委託しない ( 1 ) "
    "件",
    "委託事項1⇥税系システム運用支援・改修業務",
    "①委託内容⇥システム運用、保守、改修に関すること。",
    "②取扱いを委託する特定個人情報ファイルの範囲⇥<input type=\"checkbox\"/> "
    "特定個人情報ファイルの全体",
    "対象となる本人の数⇥<input type=\"checkbox\"/> 100万人以上1,000万人未満",
    "対象となる本人の範囲 ※⇥納税義務者及び課税調査対象者",
    "その妥当性⇥システム全体を対象とする必要がある。",
    "③委託先における取扱者数⇥<input type=\"checkbox\"/> 50人以上100人未満",
    "④委託先への特定個人情報ファイルの提供方法⇥<input type=\"checkbox\"/> 専用線 <input "
    "type=\"checkbox\"/> 電子メール <input type=\"checkbox\"/> "
    "電子記録媒体(フラッシュメモリを除く。) "
    "<input type=\"checkbox\"/> フラッシュメモリ <input type=\"checkbox\"/> 紙 <input checked=\"\" "
    "type=\"checkbox\"/> その他 (担当課が許可した場合のみシステムの直接操作を認めている。)",
    "⑤委託先名の確認方法⇥新潟市情報公開条例に基づく契約書の情報公開請求により確認することができる"
    "。",
    "⑥委託先名⇥日本電気株式会社 新潟支店",
    "再委託⇥<input type=\"checkbox\"/> 再委託する",
    "⑦再委託の有無 ※⇥<input type=\"checkbox\"/> 再委託する",
    "⑧再委託の許諾方法⇥書面による再委託申請を受け付ける。",
    "⑨再委託事項⇥ハードウェア・ソフトウェアの保守作業を行う。",
};

// ---- 様式4 Ⅲ -------------------------------------------------------------------------------

const char* const kFiveTitles =
    "委託先による特定個人情報の不正入手・不正な使用に関するリスク\n"
    "委託先による特定個人情報の不正な提供に関するリスク\n"
    "委託先による特定個人情報の保管・消去に関するリスク\n"
    "委託契約終了後の不正な使用等のリスク\n"
    "再委託に関するリスク";

const Lines kFullRisks = {
    kFullTitle,
    "",
    "## II 特定個人情報ファイルの概要",
    "",
    "1. 特定個人情報ファイル名⇥",
    "収納・滞納情報ファイル⇥",
    "",
    "### Ⅲ 特定個人情報ファイルの取扱いプロセスにおけるリスク対策 ※(7. リスク1⑨を除く。)",  // 004:266
    "",
    "1. 特定個人情報ファイル名⇥",
    "収納・滞納情報ファイル⇥",
    "3. 特定個人情報の使用⇥⇥",  // 004:292
    // 004:298-308
    "リスク2: 権限のない者(元職員、アクセス権限のない職員等)によって不正に使用されるリスク⇥⇥",
    "ユーザ認証の管理⇥[ 行っている ]⇥<p>&lt;選択肢&gt;</p> <p>1) 行っている      2) "
    "行っていない</p>",
    "具体的な管理方法⇥<p>■ 収納・滞納管理事務における措置</p> <ul style=\"list-style-type: none\"> "
    "<li>・ 権限を付与する対象者を決定している。</li> </ul>",
    "アクセス権限の発効・失効の管理⇥[ 行っている ]⇥<p>&lt;選択肢&gt;</p> <p>1) 行っている      2) "
    "行っていない</p>",
    "具体的な管理方法⇥<ul style=\"list-style-type: none\"> <li>・ "
    "権限の発行・失効を決定している。</li> </ul>",
    "アクセス権限の管理⇥[ 行っていない ]⇥<p>&lt;選択肢&gt;</p> <p>1) 行っている      2) "
    "行っていない</p>",
    "具体的な管理方法⇥<ul style=\"list-style-type: none\"> <li>・ "
    "ユーザIDやアクセス権限を随時見直している。</li> </ul>",
    "特定個人情報の使用の記録⇥[ 記録を残している ]⇥<p>&lt;選択肢&gt;</p> <p>1) 記録を残している    "
    "  "
    "2) 記録を残していない</p>",
    "具体的な方法⇥端末操作履歴を記録している。",
    "その他の措置の内容⇥—⇥",
    "リスクへの対策は十分か⇥[ 十分である ]⇥<p>&lt;選択肢&gt;</p> <p>1) 特に力を入れている      2) "
    "十分である</p> <p>3) 課題が残されている</p>",
    "",
    "4. 特定個人情報ファイルの取扱いの委託⇥⇥[ ] 委託しない",  // 004:315-318
    "委託先による特定個人情報の不正入手・不正な使用に関するリスク "
    "委託先による特定個人情報の不正な提供に関するリスク 委託先による特定個人情報の保管・消去に関す"
    "るリスク 委託契約終了後の不正な使用等のリスク 再委託に関するリスク⇥⇥",
    "情報保護管理体制の確認⇥受託者の組織体制、方法等について確認を行う。",
    "特定個人情報ファイルの閲覧者・更新者の制限⇥[ 制限している ]⇥<選択肢> 1) 制限している        "
    "              2) 制限していない",
    std::string("リスクへの対策は十分か⇥[ 十分である ]⇥") + kAdeqList,  // 004:333
    "",
    "**7. 特定個人情報の保管・消去**",  // 004:406-415
    "",
    "リスク1: 特定個人情報の漏えい・滅失・毀損リスク",
    "",
    std::string("⑤物理的対策⇥[ 十分に行っている ]⇥") + kDo3List +
        "  ■新潟市における措置 ・サーバーはデータセンターに設置している。",
    std::string("⑥技術的対策⇥[ 特に力を入れて行っている ]⇥") + kDo3List,
    "具体的な対策の内容⇥・UTM等を導入している。",
    "⑨過去3年以内に、評価実施機関において、個人情報に関する重大事故が発生したか⇥[ 発生なし "
    "]⇥<p>&lt;選択肢&gt;</p> <p>1) 発生あり      2) 発生なし</p>",  // 004:422
    std::string("リスクへの対策は十分か⇥[ 十分である ]⇥") + kAdeqList,
};

// ---- 様式4 Ⅳ–Ⅵ ----------------------------------------------------------------------------

const Lines kFullClosing = {
    kFullTitle,
    "",
    "## IV その他のリスク対策 ※",  // 004:441-452
    "",
    "1. 監査⇥⇥",
    std::string("①自己点検⇥[ 十分に行っている ]⇥") + kDo3List,
    "具体的なチェック方法⇥<p>■新潟市における措置</p> <ul style=\"list-style-type: none\"> "
    "<li>・年に1度、担当部署において自己点検を実施している。</li> </ul>",
    std::string("②監査⇥[ 特に力を入れて行っている ]⇥") + kDo3List,
    "具体的な内容⇥<p>■新潟市における措置</p> <ul style=\"list-style-type: none\"> "
    "<li>・情報セキュリティ部門による監査を定期的に実施している。</li> </ul>",
    "2. 従業者に対する教育・啓発⇥⇥",
    std::string("従業者に対する教育・啓発⇥[ 十分に行っている ]⇥") + kDo3List,
    "具体的な方法⇥<p>■新潟市における措置</p> <ul style=\"list-style-type: none\"> "
    "<li>・全職員を対象とした研修を年に1回実施している。</li> </ul>",
    "3. その他のリスク対策⇥⇥",
    "<p>■中間サーバー・プラットフォームにおける措置</p> "
    "<p>クラウドサービス事業者による高レベルのセキュリティ管理を実現する。</p>",
    "",
    "## V 開示請求、問合せ",  // 004:454-468
    "",
    "1. 特定個人情報の開示・訂正・利用停止請求⇥",
    "①請求先⇥新潟市財務部納税課管理係 新潟市中央区古町通7番町1010番地 電話025-226-2288",
    "②請求方法⇥指定様式による書面の提出により開示・訂正・利用停止請求を受け付ける。",
    "特記事項⇥請求方法、指定様式等について新潟市ホームページ上で表示。",
    "③手数料等⇥[ 無料 ] <選択肢> 1) 有料 2) 無料 (手数料額、納付方法: "
    "手数料は無料だが、写しの交付の場合、通常片面1枚10円のコピー料、 郵送の場合は、コピー料と郵送料"
    "等の負担有、前納制 )",  // 004:460
    "④個人情報ファイル簿の公表⇥[ 行っている ] <選択肢> 1) 行っている 2) 行っていない",
    "個人情報ファイル名⇥・COKAS-iシステム(収納管理・滞納管理・業務共通)",
    "公表場所⇥財務部納税課、総務部総務課市政情報室",
    "⑤法令による特別の手続⇥—",
    "⑥個人情報ファイル簿への不記載等⇥—",
    "2. 特定個人情報ファイルの取扱いに関する問合せ⇥",
    "①連絡先⇥新潟市財務部納税課管理係 電話025-226-2288",
    "②対応方法⇥問合せの内容と対応の経過について記録を残す。",
    "",
    "## VI 評価実施手続",  // 004:470-487
    "",
    "1. 基礎項目評価⇥",
    "①実施日⇥令和7年12月1日",
    "②しきい値判断結果⇥[ 基礎項目評価及び全項目評価の実施が義務付けられる ] <選択肢> 1) "
    "基礎項目評価及び全項目評価の実施が義務付けられる 2) "
    "基礎項目評価及び重点項目評価の実施が義務付けられる(任意に全項目評価を実施)",
    "2. 国民・住民等からの意見の聴取⇥",
    "①方法⇥市報、市ホームページ上で意見公募する旨掲載する。",
    "②実施日・期間⇥令和8年5月1日～令和8年5月31日",  // 004:477
    "③期間を短縮する特段の理由⇥――",                 // 004:478
    "④主な意見の内容⇥意見はなかった。",
    "⑤評価書への反映⇥意見がなかったため、反映すべき事項はない。",
    "3. 第三者点検⇥",
    "①実施日⇥令和8年6月10日",
    "②方法⇥新潟市情報公開・個人情報保護・公文書管理審議会による第三者点検を実施予定。",
    "③結果⇥適当と認められた。",
    "4. 個人情報保護委員会の承認【行政機関等のみ】⇥",  // 004:485-487
    "①提出日⇥令和8年7月1日",
    "②個人情報保護委員会による審査⇥――",
};

// ---- 様式2 ---------------------------------------------------------------------------------

// basic_ocr_html.txt, with 規則第9条第2項 applied, a bare `1,000人未満` and the other values
// changed so that each can be told from its neighbours.
const Lines kBasic = {
    kBasicTitle,
    "",
    "評価書番号⇥評価書名",  // basic_ocr_html:5-6
    "7⇥児童手当の支給に関する事務 基礎項目評価書",
    "",
    "## Ⅰ 関連情報",  // basic_ocr_html:25-64
    "",
    "## 1. 特定個人情報ファイルを取り扱う事務",
    "",
    "①事務の名称⇥児童手当の支給に関する事務",
    "②事務の概要⇥<p>児童手当法に基づき、児童手当を支給する。</p>",
    "③システムの名称⇥<p>児童手当システム</p> <p>団体内統合宛名システム</p> <p>中間サーバー</p>",
    "",
    "## 2. 特定個人情報ファイル名",
    "",
    "(1) 児童手当支給台帳ファイル",
    "(2) 児童手当情報提供用ファイル",
    "",
    "## 5. 評価実施機関における担当部署",
    "",
    "①部署⇥こども未来部こども家庭課",
    "②所属長の役職名⇥こども家庭課長",
    "",
    "7. 特定個人情報の開示・訂正・利用停止請求⇥",
    "請求先⇥架空市総務部総務課 情報公開係",
    "",
    "8. 特定個人情報ファイルの取扱いに関する問合せ⇥",
    "連絡先⇥<p>架空市こども未来部こども家庭課 手当給付係</p> <p>電話 0999-11-1234</p>",
    "",
    "9. 規則第9条第2項の適用⇥⇥[ ○ ] 適用した",  // basic_ocr_html:63 `[ ] 適用した`
    "適用した理由⇥災害対応のため、緊急に評価を実施する必要があった。⇥⇥",
    "",
    "## Ⅱ しきい値判断項目",  // basic_ocr_html:68-83
    "",
    "1. 対象人数⇥⇥⇥",
    // basic_ocr_html:71 prints `[ 1万人以上10万人未満 ]`; here the bare first option
    "評価対象の事務の対象人数は何人か⇥[ 1,000人未満 ] <選択肢> 1) 1,000人未満(任意実施) 2) "
    "1,000人以上1万人未満 3) 1万人以上10万人未満 4) 10万人以上30万人未満 5) 30万人以上",
    "いつ時点の計数か⇥令和6年12月1日 時点",
    "",
    "2. 取扱者数⇥⇥⇥",
    "特定個人情報ファイル取扱者数は500人以上か⇥<div> <div>[    500人未満    ]</div> <div> "
    "<div>&lt;選択肢&gt;</div> <div> <div>1) 500人以上</div> <div>2) 500人未満</div> </div> "
    "</div> </div>",
    "いつ時点の計数か⇥令和6年11月1日 時点",
    "",
    "3. 重大事故⇥⇥⇥",
    "過去1年以内に、評価実施機関において特定個人情報に関する重大事故が発生したか⇥[ 発生あり "
    "]⇥<選択肢> 1) 発生あり 2) 発生なし",
    "",
    "## III しきい値判断結果",  // basic_ocr_html:86-88
    "",
    "しきい値判断結果⇥<p>[ 特定個人情報保護評価の実施が義務付けられない ] &lt;選択肢&gt;</p> <p>1) "
    "基礎項目評価の実施が義務付けられる 2) 基礎項目評価及び重点項目評価の実施が義務付けられる</p>",
    "",
    "## Ⅳ リスク対策",  // basic_ocr_html:91-138
    "",
    "1. 提出する特定個人情報保護評価書の種類⇥[ 基礎項目評価書及び重点項目評価書 ]⇥<選択肢> 1) "
    "基礎項目評価書 2) 基礎項目評価書及び重点項目評価書 3) 基礎項目評価書及び全項目評価書",
    "",
    "2)又は3)を選択した評価実施機関については、それぞれ重点項目評価書又は全項目評価書において、リス"
    "ク対策の詳細が記載されている。",
    "",
    "2. 特定個人情報の入手(情報提供ネットワークシステムを通じた入手を除く。)⇥⇥",
    std::string("目的外の入手が行われるリスクへの対策は十分か⇥[ 十分である ]⇥") + kAdeqList,
    "",
    "3. 特定個人情報の使用⇥⇥",
    std::string(
        "目的を超えた紐付け、事務に必要のない情報との紐付けが行われるリスクへの対策は十分か⇥[ "
        "課題が残されている ]⇥") +
        kAdeqList,
    std::string(
        "権限のない者(元職員、アクセス権限のない職員等)によって不正に使用されるリスクへの対策は"
        "十分か⇥[ 特に力を入れている ]⇥") +
        kAdeqList,
    "",
    "4. 特定個人情報ファイルの取扱いの委託⇥⇥[ ] 委託しない",
    std::string("委託先における不正な使用等のリスクへの対策は十分か⇥[ 十分である ]⇥") + kAdeqList,
    "",
    "5. "
    "特定個人情報の提供・移転（委託や情報提供ネットワークシステムを通じた提供を除く。）⇥⇥[<input "
    "type=\"radio\"/>] 提供・移転しない",  // basic_ocr_html:108
    std::string("不正な提供・移転が行われるリスクへの対策は十分か⇥[ ]⇥") + kAdeqList,
    "",
    "6. 情報提供ネットワークシステムとの接続⇥⇥[ ] 接続しない(入手)⇥[ ○ ] 接続しない(提供)",
    std::string("目的外の入手が行われるリスクへの対策は十分か⇥[ 特に力を入れている ]⇥") + kAdeqList,
    std::string("不正な提供が行われるリスクへの対策は十分か⇥[ 十分である ]⇥") + kAdeqList,
    "",
    "7. 特定個人情報の保管・消去⇥⇥",
    std::string("特定個人情報の漏えい・滅失・毀損リスクへの対策は十分か⇥[ 十分である ]⇥") +
        kAdeqList,
    "",
    "8. 人手を介在させる作業⇥⇥[ ] 人手を介在させる作業はない",  // basic_ocr_html:119-125
    std::string("人為的ミスが発生するリスクへの対策は十分か⇥[ 課題が残されている ]⇥") + kAdeqList,
    "判断の根拠⇥",
    "",
    "- ・入力内容は別の職員が照合するダブルチェックを行っている。",
    "- ・支払通知書の封入封緘は職員2名で確認している。",
    "",
    "<b>9. 監査</b>⇥⇥",  // basic_ocr_html:127-128
    "実施の有無⇥[ ○ ] 自己点検 <input checked=\"\" type=\"checkbox\"/> 内部監査 [ ] 外部監査",
    "",
    "<b>10. 従業者に対する教育・啓発</b>⇥⇥",
    std::string("従業者に対する教育・啓発⇥[ 特に力を入れて行っている ]⇥") + kDo3List,
    "",
    "11. 最も優先度が高いと考えられる対策⇥⇥[ ] 全項目評価又は重点項目評価を実施する",
    "最も優先度が高いと考えられる対策⇥[ 8) 特定個人情報の漏えい・滅失・毀損リスクへの対策 "
    "]⇥<選択肢> "
    "1) 目的外の入手が行われるリスクへの対策 2) "
    "目的を超えた紐付け、事務に必要のない情報との紐付けが行われるリスクへの対策",  // :135
    std::string("当該対策は十分か【再掲】⇥[ 十分である ]⇥") + kAdeqList,
    "判断の根拠⇥<p>＜架空市における措置＞</p> "
    "<p>・サーバー室への入室は許可された職員に限定している。</p>",
};

}  // namespace

// =============================================================================================
// 1. 様式4: cover, Ⅰ 4, （別添1）, Ⅱ 3 extras, entrust extras
// =============================================================================================

TEST_CASE("forms: full form cover gives approved_on and the template's other header values",
          "[forms]") {
  const json d = parse(kFullCoverAndFile);
  CHECK(at(d, "/form/kind") == "full");
  CHECK(at(d, "/form/version") == nullptr);
  CHECK(at(d, "/header/number") == "22");
  CHECK(at(d, "/header/title") == "新潟市 地方税の収納及び徴収に関する事務 全項目評価書");
  CHECK(at(d, "/header/organization") == "新潟市長");
  // 004:18 `## 個人情報保護委員会 承認日【行政機関等のみ】` with its value below
  CHECK(at(d, "/header/approved_on") == "2026-06-30");
  CHECK(at(d, "/header/published_on") == "2026-07-01");
}

TEST_CASE("forms: full form cover, 承認日 with its value in the label row", "[forms]") {
  const json d = parse({
      kFullTitle,
      "個人情報保護委員会 承認日【行政機関等のみ】⇥令和5年3月1日",  // 004:18 as a table row
      "公表日⇥令和5年4月1日",
  });
  CHECK(at(d, "/header/approved_on") == "2023-03-01");
  CHECK(at(d, "/header/published_on") == "2023-04-01");
}

TEST_CASE("forms: full form Ⅰ 4 gives file_reasons", "[forms]") {
  const json d = parse(kFullCoverAndFile);
  // 004:79-80
  CHECK(at(d, "/file_reasons") ==
        json{{"necessity",
              "個人の特定、個人の宛名の突合を効率化するとともに正確性を向上させるため。"},
             {"benefits",
              "正確かつ効率的に納税者の情報を把握することが可能となり、公平・公正な収納・徴収に"
              "つながる。"}});
  CHECK(at(d, "/file_names") == json::array({"収納・滞納情報ファイル"}));
  CHECK(at(d, "/number_use/legal_basis") == "・番号利用法第9条第1項(利用範囲)別表の24");
  CHECK_FALSE(
      contains(at(d, "/quality/sections_missing"), "Ⅰ 4. 特定個人情報ファイルを取り扱う理由"));
}

TEST_CASE("forms: full form （別添1） 事務の内容 gives affair.flow steps and text", "[forms]") {
  const json d = parse_with_spans(kFullCoverAndFile);
  // 004:105 `- A-① 口座振替依頼書申込み・通知 (Web口座振替受付サービスでの申込みを含む)`
  const json steps = json::array({
      "A-① 口座振替依頼書申込み・通知 (Web口座振替受付サービスでの申込みを含む)",
      "A-③ア 過誤納還付請求",
      "B-⑪ 団体内統合宛名番号と個人番号を紐付けて、特定個人情報を連携",
  });
  CHECK(at(d, "/affair/flow/steps") == steps);
  CHECK(at(d, "/affair/flow/text") ==
        "地方税の収納及び徴収に関する事務\n特定個人情報を含む情報\nA 事務の流れ\nB "
        "連携データの流れ\n("
        "備考)");
  CHECK_FALSE(contains(at(d, "/quality/sections_missing"), "（別添1） 事務の内容"));
  // the first step comes from its own line
  const int first = line_of(kFullCoverAndFile, "- A-①");
  CHECK(at(d, "/spans").at("/affair/flow/steps/0") == json::array({first, first}));
  // the flow is not mistaken for Ⅰ's last value
  CHECK(at(d, "/number_use/legal_basis") == "・番号利用法第9条第1項(利用範囲)別表の24");
}

TEST_CASE("forms: a document without （別添1） has affair.flow null", "[forms]") {
  const json d =
      parse({kFullTitle, "# I 基本情報", "①事務の名称⇥地方税の収納及び徴収に関する事務"});
  CHECK(at(d, "/affair/name") == "地方税の収納及び徴収に関する事務");
  CHECK(at(d, "/affair/flow") == nullptr);
  CHECK(contains(at(d, "/quality/sections_missing"), "（別添1） 事務の内容"));
}

TEST_CASE("forms: full form Ⅱ 3 rows fill the File keys of 様式4", "[forms]") {
  const json d = parse(kFullCoverAndFile);
  REQUIRE(at(d, "/files").size() == 1);
  const json& f = at(d, "/files/0");
  CHECK(f.at("number") == 1);
  CHECK(f.at("name") == "収納・滞納情報ファイル");
  CHECK(f.at("department") == "財務部納税課");
  // 004:172-186
  CHECK(f.at("acquisition_timing") ==
        "・納税者本人または代理人から各種の申請や申出などがあった都度。");
  CHECK(f.at("acquisition_rationale") == "番号利用法第9条に基づき、必要な限度で入手する。");
  CHECK(f.at("notice_to_subject") == "本人(代理人)に対して利用目的を口頭で説明する。");
  CHECK(f.at("purpose") == "収納管理と滞納整理の各事務を公平・公正かつ効率的に行うため。");
  CHECK(f.at("purpose_change_rationale") == "使用目的の変更はない。");
  CHECK(f.at("user_departments") == "納税課、市民税課");
  CHECK(f.at("user_count") == "100人以上500人未満");
  CHECK(f.at("usage") == "本人特定のために使用する。");
  CHECK(f.at("matching") == "宛名情報との突合により本人確認を行う。");
  CHECK(f.at("statistical_analysis") == "特定個人情報を特定するような情報の分析は行わない。");
  CHECK(f.at("rights_decisions") == "還付、充当、督促、滞納処分。");
  CHECK(f.at("use_start") == "2016-01-01");
}

TEST_CASE("forms: full form entrust rows of 様式4", "[forms]") {
  const json d = parse(kFullCoverAndFile);
  REQUIRE(at(d, "/files").size() == 1);
  const json& o = at(d, "/files/0/outsourcing");
  CHECK(o.at("declared_count") == 1);
  REQUIRE(o.at("entrusts").size() == 1);
  const json& e = o.at("entrusts")[0];
  CHECK(e.at("number") == 1);
  CHECK(e.at("title") == "税系システム運用支援・改修業務");
  CHECK(e.at("content") == "システム運用、保守、改修に関すること。");
  // 004:197 `<input type="checkbox"/> 特定個人情報ファイルの全体`: a single boxed option
  CHECK(e.at("file_scope") == "特定個人情報ファイルの全体");
  CHECK(e.at("subject_count") == "100万人以上1,000万人未満");
  CHECK(e.at("subject_scope") == "納税義務者及び課税調査対象者");
  CHECK(e.at("scope_rationale") == "システム全体を対象とする必要がある。");
  CHECK(e.at("handler_count") == "50人以上100人未満");
  // 004:202
  CHECK(e.at("provision_methods") ==
        json::array(
            {check("専用線", nullptr), check("電子メール", nullptr),
             check("電子記録媒体（フラッシュメモリを除く。）", nullptr),
             check("フラッシュメモリ", nullptr), check("紙", nullptr),
             check("その他", true, "担当課が許可した場合のみシステムの直接操作を認めている。")}));
  CHECK(e.at("contractor_disclosure") ==
        "新潟市情報公開条例に基づく契約書の情報公開請求により確認することができる。");
  CHECK(e.at("contractor") == "日本電気株式会社 新潟支店");
  CHECK(e.at("subcontract") == "再委託する");
  CHECK(e.at("subcontract_approval") == "書面による再委託申請を受け付ける。");
  CHECK(e.at("subcontract_items") == "ハードウェア・ソフトウェアの保守作業を行う。");
}

TEST_CASE("forms: entrust file_scope from a bracketed value, 一部", "[forms]") {
  const json d = parse({
      kFullTitle,
      "## II 特定個人情報ファイルの概要",
      "1. 特定個人情報ファイル名⇥",
      "収納・滞納情報ファイル⇥",
      "4. 特定個人情報ファイルの取扱いの委託",
      "委託の有無 ※⇥[ 委託する ] <選択肢> 1) 委託する 2) 委託しない ( 1 ) 件",
      "委託事項1⇥納付書の印刷業務",
      "①委託内容⇥納付書の印刷及び封入封緘",
      // 004:197 with the bracketed value of 004:158
      "②取扱いを委託する特定個人情報ファイルの範囲⇥[ 特定個人情報ファイルの一部 ] <選択肢> 1) "
      "特定個人情報ファイルの全体 2) 特定個人情報ファイルの一部",
      "⑤委託先名の確認方法⇥市ホームページで公表している。",
  });
  REQUIRE(at(d, "/files/0/outsourcing/entrusts").size() == 1);
  const json& e = at(d, "/files/0/outsourcing/entrusts/0");
  CHECK(e.at("file_scope") == "特定個人情報ファイルの一部");
  CHECK(e.at("contractor_disclosure") == "市ホームページで公表している。");
  CHECK(e.at("provision_methods").size() == 6);
}

// =============================================================================================
// 2. 様式4 Ⅲ
// =============================================================================================

TEST_CASE("forms: full form Ⅲ 3 リスク2, three 具体的な管理方法 rows fill three controls",
          "[forms]") {
  const json d = parse(kFullRisks);
  REQUIRE(at(d, "/files").size() == 1);
  const json& use = at(d, "/files/0/risk_measures/use");
  REQUIRE(use.at("risks").size() == 4);
  for (int i = 0; i < 4; ++i) CHECK(use.at("risks")[i].at("number") == i + 1);
  const json& r = use.at("risks")[1];
  CHECK(r.at("title") ==
        "権限のない者（元職員、アクセス権限のない職員等）によって不正に使用されるリスク");
  CHECK(r.at("measures") == nullptr);
  CHECK(r.at("adequacy") == "十分である");
  const json expected = json::array({
      control("ユーザ認証の管理", "行っている", nullptr),
      control("具体的な管理方法", nullptr,
              "■ 収納・滞納管理事務における措置\n・ 権限を付与する対象者を決定している。"),
      control("アクセス権限の発効・失効の管理", "行っている", nullptr),
      control("具体的な管理方法", nullptr, "・ 権限の発行・失効を決定している。"),
      control("アクセス権限の管理", "行っていない", nullptr),
      control("具体的な管理方法", nullptr, "・ ユーザIDやアクセス権限を随時見直している。"),
      control("特定個人情報の使用の記録", "記録を残している", nullptr),
      control("具体的な方法", nullptr, "端末操作履歴を記録している。"),
      control("その他の措置の内容", nullptr, nullptr),
  });
  CHECK(r.at("controls") == expected);
  // リスク1 is part of the form even though the document prints none of its rows
  const json& r1 = use.at("risks")[0];
  CHECK(r1.at("title") == "目的を超えた紐付け、事務に必要のない情報との紐付けが行われるリスク");
  CHECK(labels_of(r1.at("controls")) ==
        json::array({"宛名システム等における措置の内容",
                     "事務で使用するその他のシステムにおける措置の内容", "その他の措置の内容"}));
  CHECK(r1.at("adequacy") == nullptr);
}

TEST_CASE("forms: full form Ⅲ 4, the one-cell row of five titles enters the single risk",
          "[forms]") {
  const json d = parse_with_spans(kFullRisks);
  REQUIRE(at(d, "/files").size() == 1);
  const json& o = at(d, "/files/0/risk_measures/outsourcing");
  CHECK(o.at("opt_outs") == json::array({check("委託しない", false)}));
  REQUIRE(o.at("risks").size() == 1);
  const json& r = o.at("risks")[0];
  CHECK(r.at("number") == nullptr);
  CHECK(r.at("title") == kFiveTitles);
  CHECK(r.at("measures") == nullptr);
  CHECK(r.at("adequacy") == "十分である");
  REQUIRE(r.at("controls").size() == 15);
  CHECK(r.at("controls")[0] ==
        control("情報保護管理体制の確認", nullptr, "受託者の組織体制、方法等について確認を行う。"));
  CHECK(r.at("controls")[1] ==
        control("特定個人情報ファイルの閲覧者・更新者の制限", "制限している", nullptr));
  CHECK(r.at("controls")[12] ==
        control("再委託先による特定個人情報ファイルの適切な取扱いの確保", nullptr, nullptr));
  const int row = line_of(kFullRisks, "情報保護管理体制の確認");
  CHECK(at(d, "/spans").at("/files/0/risk_measures/outsourcing/risks/0/controls/0/text") ==
        json::array({row, row}));
}

TEST_CASE("forms: full form Ⅲ 7, text fused after an option list is the next text control",
          "[forms]") {
  const json d = parse(kFullRisks);
  REQUIRE(at(d, "/files").size() == 1);
  const json& storage = at(d, "/files/0/risk_measures/storage");
  REQUIRE(storage.at("risks").size() == 3);
  const json& r = storage.at("risks")[0];
  CHECK(r.at("number") == 1);
  CHECK(r.at("title") == "特定個人情報の漏えい・滅失・毀損リスク");
  CHECK(
      labels_of(r.at("controls")) ==
      json::array({"NISC政府機関統一基準群", "安全管理体制", "安全管理規程",
                   "安全管理体制・規程の職員への周知", "物理的対策", "具体的な対策の内容",
                   "技術的対策", "具体的な対策の内容", "バックアップ", "事故発生時手順の策定・周知",
                   "過去3年以内に、評価実施機関において、個人情報に関する重大事故が発生したか",
                   "その内容", "再発防止策の内容", "死者の個人番号", "具体的な保管方法",
                   "その他の措置の内容"}));
  REQUIRE(r.at("controls").size() == 16);
  // 004:414 `⑤物理的対策⇥[ 十分に行っている ]⇥<選択肢> 1) … 3) 十分に行っていない
  // ■新潟市における措置 …`
  CHECK(r.at("controls")[4] == control("物理的対策", "十分に行っている", nullptr));
  CHECK(r.at("controls")[5] ==
        control("具体的な対策の内容", nullptr,
                "■新潟市における措置 ・サーバーはデータセンターに設置している。"));
  CHECK(r.at("controls")[6] == control("技術的対策", "特に力を入れて行っている", nullptr));
  CHECK(r.at("controls")[7] == control("具体的な対策の内容", nullptr, "・UTM等を導入している。"));
  CHECK(r.at("controls")[10].at("value") == "発生なし");
  CHECK(r.at("adequacy") == "十分である");
  CHECK(at(d, "/serious_incident") == "発生なし");
  CHECK(at(d, "/threshold/serious_incident") == "発生なし");
}

TEST_CASE("forms: full form risk_measures carry no audit, training or other", "[forms]") {
  const json d = parse(kFullRisks);
  REQUIRE(at(d, "/files").size() == 1);
  const json& rm = at(d, "/files/0/risk_measures");
  CHECK(rm.at("audit") == json::array());
  CHECK(rm.at("training") == nullptr);
  CHECK(rm.at("other") == nullptr);
  // the six sections of FORMS §2.8 with their risk counts
  CHECK(rm.at("acquisition").at("risks").size() == 4);
  CHECK(rm.at("provision").at("risks").size() == 3);
  CHECK(rm.at("network").at("risks").size() == 7);
  CHECK(rm.at("acquisition").at("opt_outs") == json::array());
  CHECK(rm.at("provision").at("opt_outs") == json::array({check("提供・移転しない", nullptr)}));
  // a 様式4 file whose Ⅲ block is lost is built the same way
  const json lost = parse(kFullCoverAndFile);
  REQUIRE(at(lost, "/files").size() == 1);
  CHECK(at(lost, "/files/0/risk_measures/audit") == json::array());
  CHECK(at(lost, "/files/0/risk_measures/training") == nullptr);
  CHECK(at(lost, "/files/0/risk_measures/other") == nullptr);
  CHECK(at(lost, "/files/0/risk_measures/use/risks").size() == 4);
}

// =============================================================================================
// 3. 様式4 Ⅳ–Ⅵ
// =============================================================================================

TEST_CASE("forms: full form Ⅳ その他のリスク対策", "[forms]") {
  const json d = parse(kFullClosing);
  const json& orm = at(d, "/other_risk_measures");
  // 004:443-447
  CHECK(
      orm.at("audit") ==
      json::array({
          control("自己点検", "十分に行っている", nullptr),
          control("具体的なチェック方法", nullptr,
                  "■新潟市における措置\n・年に1度、担当部署において自己点検を実施している。"),
          control("監査", "特に力を入れて行っている", nullptr),
          control("具体的な内容", nullptr,
                  "■新潟市における措置\n・情報セキュリティ部門による監査を定期的に実施している。"),
      }));
  // 004:448-450
  CHECK(orm.at("training") ==
        json{{"level", "十分に行っている"},
             {"method", "■新潟市における措置\n・全職員を対象とした研修を年に1回実施している。"}});
  // 004:451-452
  CHECK(orm.at("other") ==
        "■中間サーバー・プラットフォームにおける措置\nクラウドサービス事業者による高レベルのセキ"
        "ュリティ管理を実現する。");
}

TEST_CASE("forms: other_risk_measures is present with empty audit when Ⅳ is lost", "[forms]") {
  const json d = parse(kFullRisks);
  const json& orm = at(d, "/other_risk_measures");
  REQUIRE(orm.is_object());
  CHECK(orm.at("audit").size() == 4);
  CHECK(orm.at("audit")[0] == control("自己点検", nullptr, nullptr));
  CHECK(orm.at("other") == nullptr);
  CHECK(contains(at(d, "/quality/sections_missing"), "Ⅳ その他のリスク対策"));
}

TEST_CASE("forms: full form Ⅴ fee, fee detail, file register and request notes", "[forms]") {
  const json d = parse(kFullClosing);
  const json expected = {
      {"request_to", "新潟市財務部納税課管理係 新潟市中央区古町通7番町1010番地 電話025-226-2288"},
      {"request_method", "指定様式による書面の提出により開示・訂正・利用停止請求を受け付ける。"},
      {"request_notes", "請求方法、指定様式等について新潟市ホームページ上で表示。"},
      {"fee", "無料"},
      // 004:460 `(手数料額、納付方法: … )` without the caption
      {"fee_detail",
       "手数料は無料だが、写しの交付の場合、通常片面1枚10円のコピー料、 郵送の場合は、コピー料と郵"
       "送料等の負担有、前納制"},
      {"file_register", "行っている"},
      {"file_register_name", "・COKAS-iシステム(収納管理・滞納管理・業務共通)"},
      {"file_register_place", "財務部納税課、総務部総務課市政情報室"},
      {"special_procedures", nullptr},
      {"unlisted", nullptr},
      {"contact", "新潟市財務部納税課管理係 電話025-226-2288"},
      {"response", "問合せの内容と対応の経過について記録を残す。"},
  };
  CHECK(at(d, "/disclosure") == expected);
}

TEST_CASE("forms: full form Ⅴ fee 有料 with its detail", "[forms]") {
  const json d = parse({
      kFullTitle,
      "## V 開示請求、問合せ",
      "1. 特定個人情報の開示・訂正・利用停止請求⇥",
      "③手数料等⇥[ 有料 ] <選択肢> 1) 有料 2) 無料 (手数料額、納付方法: 1件300円、窓口で現金納付 )",
  });
  CHECK(at(d, "/disclosure/fee") == "有料");
  CHECK(at(d, "/disclosure/fee_detail") == "1件300円、窓口で現金納付");
}

TEST_CASE("forms: full form Ⅵ period, placeholder reason, reflection and PPC approval", "[forms]") {
  const json d = parse(kFullClosing);
  const json expected = {
      {"basic_assessment",
       {{"date", "2025-12-01"},
        {"threshold_result", "基礎項目評価及び全項目評価の実施が義務付けられる"}}},
      {"public_comment",
       {{"method", "市報、市ホームページ上で意見公募する旨掲載する。"},
        {"period", "2026-05-01/2026-05-31"},  // 004:477
        {"shortening_reason", nullptr},       // 004:478 `――`
        {"main_opinions", "意見はなかった。"},
        {"reflection", "意見がなかったため、反映すべき事項はない。"}}},
      {"third_party_review",
       {{"date", "2026-06-10"},
        {"method", "新潟市情報公開・個人情報保護・公文書管理審議会による第三者点検を実施予定。"},
        {"result", "適当と認められた。"}}},
      {"ppc_approval", {{"submitted_on", "2026-07-01"}, {"review", nullptr}}},
  };
  CHECK(at(d, "/procedures") == expected);
  CHECK(at(d, "/threshold/result") == "基礎項目評価及び全項目評価の実施が義務付けられる");
  for (const char* part : {"Ⅳ その他のリスク対策", "Ⅴ 開示請求、問合せ", "Ⅵ 評価実施手続"}) {
    INFO(part);
    CHECK_FALSE(contains(at(d, "/quality/sections_missing"), part));
  }
}

TEST_CASE("forms: Ⅵ ③期間を短縮する特段の理由 with a reason", "[forms]") {
  const json d = parse({
      kFullTitle,
      "## VI 評価実施手続",
      "2. 国民・住民等からの意見の聴取⇥",
      "②実施日・期間⇥令和8年5月1日～令和8年5月20日",
      "③期間を短縮する特段の理由⇥法改正の施行日に間に合わせるため。",
  });
  CHECK(at(d, "/procedures/public_comment/period") == "2026-05-01/2026-05-20");
  CHECK(at(d, "/procedures/public_comment/shortening_reason") ==
        "法改正の施行日に間に合わせるため。");
}

TEST_CASE("forms: Ⅵ 実施日・期間 with a single date", "[forms]") {
  // output-conventions §5: a period, or a single date
  const json d = parse({
      kFullTitle,
      "## VI 評価実施手続",
      "2. 国民・住民等からの意見の聴取⇥",
      "②実施日・期間⇥令和8年5月1日",
      "③期間を短縮する特段の理由⇥――",
  });
  CHECK(at(d, "/procedures/public_comment/period") == "2026-05-01");
  CHECK(at(d, "/procedures/public_comment/shortening_reason") == nullptr);
}

// =============================================================================================
// 4. Page splits (FORMS §4.10)
// =============================================================================================

TEST_CASE("forms: a row with an empty label cell belongs to the following label", "[forms]") {
  // 004:57-62
  const Lines lines = {
      kFullTitle,
      "# I 基本情報",
      "2. 特定個人情報ファイルを取り扱う事務において使用するシステム⇥⇥⇥⇥⇥⇥⇥",
      "<b>システム4</b>⇥",
      "①システムの名称⇥団体内統合宛名システム",
      "⇥<p>団体内統合宛名システムは、番号の紐付け管理を行う。</p>",
      "",
      "②システムの機能⇥<p>各業務システムのデータを中間サーバーへ転送する。</p>",
      "③他のシステムとの接続⇥<p>[ ] 情報提供ネットワークシステム                      [ ○ ] "
      "庁内連携システム</p>",
  };
  const json d = parse_with_spans(lines);
  REQUIRE(at(d, "/systems").size() == 1);
  const json& s = at(d, "/systems/0");
  CHECK(s.at("number") == 4);
  CHECK(s.at("name") == "団体内統合宛名システム");
  CHECK(s.at("functions") ==
        "団体内統合宛名システムは、番号の紐付け管理を行う。\n各業務システムのデータを中間サーバーへ"
        "転送する。");
  CHECK(s.at("connections")[1] == check("庁内連携システム", true));
  const json& spans = at(d, "/spans");
  const int name = line_of(lines, "①システムの名称");
  CHECK(spans.at("/systems/0/name") == json::array({name, name}));
  CHECK(spans.at("/systems/0/functions") ==
        json::array({line_of(lines, "⇥<p>団体内統合"), line_of(lines, "②システムの機能")}));
}

TEST_CASE("forms: a label alone on its line after an empty-label row takes that row", "[forms]") {
  // 004:221-244
  const json d = parse({
      kFullTitle,
      "## II 特定個人情報ファイルの概要",
      "1. 特定個人情報ファイル名⇥",
      "収納・滞納情報ファイル⇥",
      "6. 特定個人情報の保管・消去",
      "",
      "<p>①保管場所 ※</p>⇥<p>サーバーはデータセンターに設置している。</p>⇥⇥⇥⇥",
      "<p>その妥当性</p>⇥<p>税系システムでは原則10年。</p>⇥⇥⇥⇥",
      "⇥<p>1. システムにおける措置                  ・データは、システムで削除可能。</p>⇥⇥⇥⇥",
      "",
      "③消去方法",
      "",
      "2. 中間サーバー・プラットフォームにおける措置",
      "",
      "- ・特定個人情報の消去は地方公共団体からの操作によって実施される。",
      "",
      "7. 備考",
  });
  REQUIRE(at(d, "/files").size() == 1);
  const json& st = at(d, "/files/0/storage");
  CHECK(st.at("location") == "サーバーはデータセンターに設置している。");
  CHECK(st.at("retention_rationale") == "税系システムでは原則10年。");
  CHECK(st.at("erasure_method") ==
        "1. システムにおける措置 ・データは、システムで削除可能。\n2. "
        "中間サーバー・プラットフォームにおける措置\n・特定個人情報の消去は地方公共団体からの操作に"
        "よって実施される。");
}

TEST_CASE("forms: a label printed again continues its value", "[forms]") {
  const json d = parse({
      kFullTitle,
      "# I 基本情報",
      "2. 特定個人情報ファイルを取り扱う事務において使用するシステム⇥",
      "<b>システム5</b>⇥",  // 004:63-66, the functions cell split over a page with its label
      "①システムの名称⇥中間サーバー",
      "②システムの機能⇥<p>1. 符号管理機能： 符号を管理する。</p>",
      "②システムの機能⇥<p>2. 情報照会機能： 情報照会を行う。</p>",
      "③他のシステムとの接続⇥<p>[ ○ ] 情報提供ネットワークシステム [ ] 庁内連携システム</p>",
  });
  REQUIRE(at(d, "/systems").size() == 1);
  CHECK(at(d, "/systems/0/name") == "中間サーバー");
  CHECK(at(d, "/systems/0/functions") ==
        "1. 符号管理機能： 符号を管理する。\n2. 情報照会機能： 情報照会を行う。");
  CHECK(at(d, "/systems/0/connections/0") == check("情報提供ネットワークシステム", true));
}

// =============================================================================================
// 5. Lost content
// =============================================================================================

TEST_CASE("forms: 提供先2 without 提供先1 is reported, not invented", "[forms]") {
  const Lines lines = {
      kFullTitle,
      "## II 特定個人情報ファイルの概要",
      "1. 特定個人情報ファイル名⇥",
      "収納・滞納情報ファイル⇥",
      "⑨再委託事項⇥ハードウェア・ソフトウェアの保守作業を行う。",  // 004:208-219
      "",
      "",
      "",
      "<b>提供先2</b>⇥都道府県、市町村(地方税法第20条の4第1項)",
      "①法令上の根拠⇥番号利用法第19条第10号、番号利用法施行令第21条",
      "②提供先における用途⇥地方税法第20条の4第1項に基づく徴収嘱託のため",
      "⑦時期・頻度⇥徴収嘱託を実施する都度",
  };
  const json d = parse(lines);
  REQUIRE(at(d, "/files").size() == 1);
  const json& recipients = at(d, "/files/0/provision/recipients");
  REQUIRE(recipients.size() == 1);
  CHECK(recipients[0].at("number") == 2);
  CHECK(recipients[0].at("name") == "都道府県、市町村(地方税法第20条の4第1項)");
  CHECK(recipients[0].at("legal_basis") == "番号利用法第19条第10号、番号利用法施行令第21条");
  CHECK(recipients[0].at("timing") == "徴収嘱託を実施する都度");
  const auto rec008 = diagnostics_with_rule(d, "REC008");
  REQUIRE(rec008.size() == 1);
  CHECK(rec008[0].at("severity") == "warning");
  CHECK(rec008[0].at("line") == line_of(lines, "<b>提供先2</b>"));
  CHECK(contains(at(d, "/quality/sections_missing"), "提供先1（特定個人情報ファイル 1）"));
}

TEST_CASE("forms: a document starting at システム3 reports システム1 and システム2", "[forms]") {
  // 001:34 (様式3) in a 様式4 document
  const json d = parse({
      kFullTitle,
      "",
      "<b>システム3</b>⇥",
      "①システムの名称⇥市民税オンラインシステム",
      "<b>システム4</b>⇥",
      "①システムの名称⇥団体内統合宛名システム",
  });
  REQUIRE(at(d, "/systems").size() == 2);
  CHECK(at(d, "/systems/0/number") == 3);
  CHECK(at(d, "/systems/1/number") == 4);
  const json& missing = at(d, "/quality/sections_missing");
  CHECK(contains(missing, "システム1"));
  CHECK(contains(missing, "システム2"));
  CHECK_FALSE(contains(missing, "システム3"));
  const auto rec008 = diagnostics_with_rule(d, "REC008");
  REQUIRE(rec008.size() == 1);
  CHECK(rec008[0].at("severity") == "warning");
  CHECK(rec008[0].at("paths") == json::array({"/systems"}));
}

TEST_CASE("forms: complete numbering reports no lost group", "[forms]") {
  const json d = parse({
      kFullTitle,
      "<b>システム1</b>⇥",
      "①システムの名称⇥税系標準システム",
      "<b>システム2</b>⇥",
      "①システムの名称⇥市民税オンラインシステム",
  });
  CHECK(at(d, "/systems").size() == 2);
  CHECK(diagnostics_with_rule(d, "REC008").empty());
  CHECK_FALSE(contains(at(d, "/quality/sections_missing"), "システム1"));
}

// =============================================================================================
// 6. 様式2 (基礎項目評価書)
// =============================================================================================

TEST_CASE("forms: basic form Ⅰ systems, file names and files", "[forms]") {
  const json d = parse(kBasic);
  CHECK(at(d, "/form/kind") == "basic");
  CHECK(at(d, "/header/number") == "7");
  CHECK(at(d, "/affair/name") == "児童手当の支給に関する事務");
  CHECK(at(d, "/affair/description") == "児童手当法に基づき、児童手当を支給する。");
  CHECK(at(d, "/affair/flow") == nullptr);
  // basic_ocr_html:31 `③システムの名称⇥<p>児童手当システム</p> <p>団体内統合宛名システム</p> …`
  const json systems = json::array({
      {{"number", 1},
       {"name", "児童手当システム"},
       {"functions", nullptr},
       {"connections", json::array()}},
      {{"number", 2},
       {"name", "団体内統合宛名システム"},
       {"functions", nullptr},
       {"connections", json::array()}},
      {{"number", 3},
       {"name", "中間サーバー"},
       {"functions", nullptr},
       {"connections", json::array()}},
  });
  CHECK(at(d, "/systems") == systems);
  // basic_ocr_html:35-36
  CHECK(at(d, "/file_names") ==
        json::array({"児童手当支給台帳ファイル", "児童手当情報提供用ファイル"}));
  const json& files = at(d, "/files");
  REQUIRE(files.size() == 2);
  CHECK(files[0].at("number") == 1);
  CHECK(files[0].at("name") == "児童手当支給台帳ファイル");
  CHECK(files[1].at("number") == 2);
  CHECK(files[1].at("name") == "児童手当情報提供用ファイル");
  for (const auto& f : files) {
    CHECK(f.at("risk_measures") == nullptr);
    CHECK(f.at("kind") == nullptr);
    CHECK(f.at("sources") == json::array());
    CHECK(f.at("outsourcing").at("entrusts") == json::array());
  }
  CHECK(at(d, "/file_reasons") == nullptr);
  CHECK(at(d, "/other_risk_measures") == nullptr);
  CHECK(at(d, "/department/name") == "こども未来部こども家庭課");
  CHECK(at(d, "/disclosure/request_to") == "架空市総務部総務課 情報公開係");
  CHECK(at(d, "/disclosure/contact") ==
        "架空市こども未来部こども家庭課 手当給付係\n電話 0999-11-1234");
}

TEST_CASE("forms: basic form files take their number from the name's prefix", "[forms]") {
  // output-conventions §1c: `number` from its prefix, else order
  const json d = parse({
      kBasicTitle,
      "## Ⅰ 関連情報",
      "## 2. 特定個人情報ファイル名",
      "",
      "(2) 児童手当情報提供用ファイル",
      "(3) 児童手当口座情報ファイル",
  });
  CHECK(at(d, "/file_names") ==
        json::array({"児童手当情報提供用ファイル", "児童手当口座情報ファイル"}));
  REQUIRE(at(d, "/files").size() == 2);
  CHECK(at(d, "/files/0/number") == 2);
  CHECK(at(d, "/files/1/number") == 3);
}

TEST_CASE("forms: basic form Ⅱ and Ⅲ threshold items and their mirrors", "[forms]") {
  const json d = parse(kBasic);
  const json threshold = {
      // a bare `1,000人未満` is the first option
      {"target_population", "1,000人未満（任意実施）"},
      {"target_population_as_of", "2024-12-01"},  // basic_ocr_html:76 `令和6年12月1日 時点`
      {"handler_count", "500人未満"},
      {"handler_count_as_of", "2024-11-01"},
      {"serious_incident", "発生あり"},
      {"result", "特定個人情報保護評価の実施が義務付けられない"},
  };
  CHECK(at(d, "/threshold") == threshold);
  CHECK(at(d, "/affair/target_population") == "1,000人未満（任意実施）");
  CHECK(at(d, "/serious_incident") == "発生あり");
  CHECK(at(d, "/procedures/basic_assessment") ==
        json{{"date", nullptr},
             {"threshold_result", "特定個人情報保護評価の実施が義務付けられない"}});
  CHECK(diagnostics_with_rule(d, "REC003").empty());
}

TEST_CASE("forms: basic form target population printed with its suffix", "[forms]") {
  const json d = parse({
      kBasicTitle,
      "## Ⅱ しきい値判断項目",
      "1. 対象人数⇥⇥⇥",
      "評価対象の事務の対象人数は何人か⇥[ 1,000人未満(任意実施) ] <選択肢> 1) "
      "1,000人未満(任意実施)",
  });
  CHECK(at(d, "/threshold/target_population") == "1,000人未満（任意実施）");
  CHECK(at(d, "/affair/target_population") == "1,000人未満（任意実施）");
}

TEST_CASE("forms: basic form Ⅳ risk summary", "[forms]") {
  const json d = parse(kBasic);
  const json& rs = at(d, "/risk_summary");
  REQUIRE(rs.is_object());
  CHECK(rs.at("report_kind") == "基礎項目評価書及び重点項目評価書");
  auto risk = [](json number, const char* title, json adequacy, json controls = json::array()) {
    return json{{"number", std::move(number)},
                {"title", title},
                {"measures", nullptr},
                {"controls", std::move(controls)},
                {"adequacy", std::move(adequacy)}};
  };
  auto section = [](json opt_outs, json risks) {
    return json{
        {"opt_outs", std::move(opt_outs)}, {"risks", std::move(risks)}, {"other_risks", nullptr}};
  };
  CHECK(rs.at("acquisition") ==
        section(json::array(),
                json::array({risk(nullptr, "目的外の入手が行われるリスク", "十分である")})));
  CHECK(rs.at("use") ==
        section(json::array(),
                json::array(
                    {risk(1, "目的を超えた紐付け、事務に必要のない情報との紐付けが行われるリスク",
                          "課題が残されている"),
                     risk(2,
                          "権限のない者（元職員、アクセス権限のない職員等）によって不正に使用"
                          "されるリスク",
                          "特に力を入れている")})));
  CHECK(rs.at("outsourcing") ==
        section(json::array({check("委託しない", false)}),
                json::array({risk(nullptr, "委託先における不正な使用等のリスク", "十分である")})));
  // basic_ocr_html:108 `[<input type="radio"/>] 提供・移転しない`, 109 `[ ]`
  CHECK(rs.at("provision") ==
        section(json::array({check("提供・移転しない", true)}),
                json::array({risk(nullptr, "不正な提供・移転が行われるリスク", nullptr)})));
  CHECK(
      rs.at("network") ==
      section(json::array({check("接続しない（入手）", false), check("接続しない（提供）", true)}),
              json::array({risk(1, "目的外の入手が行われるリスク", "特に力を入れている"),
                           risk(2, "不正な提供が行われるリスク", "十分である")})));
  CHECK(rs.at("storage") ==
        section(json::array(), json::array({risk(nullptr, "特定個人情報の漏えい・滅失・毀損リスク",
                                                 "十分である")})));
  // basic_ocr_html:119-125
  CHECK(
      rs.at("manual_work") ==
      section(json::array({check("人手を介在させる作業はない", false)}),
              json::array({risk(nullptr, "人為的ミスが発生するリスク", "課題が残されている",
                                json::array({control(
                                    "判断の根拠", nullptr,
                                    "・入力内容は別の職員が照合するダブルチェックを行っている。\n・"
                                    "支払通知書の封入封緘は職員2名で確認している。")}))})));
  // basic_ocr_html:128
  CHECK(rs.at("audit") ==
        json::array({check("自己点検", true), check("内部監査", true), check("外部監査", false)}));
  CHECK(rs.at("training") == json{{"level", "特に力を入れて行っている"}, {"method", nullptr}});
  // basic_ocr_html:135 `[ 8) 特定個人情報の漏えい・滅失・毀損リスクへの対策 ]`
  CHECK(rs.at("priority") ==
        json{{"opt_outs", json::array({check("全項目評価又は重点項目評価を実施する", false)})},
             {"measure", "特定個人情報の漏えい・滅失・毀損リスクへの対策"},
             {"adequacy", "十分である"},
             {"rationale",
              "＜架空市における措置＞\n・サーバー室への入室は許可された職員に限定している。"}});
  CHECK(diagnostics_with_rule(d, "REC003").empty());
}

TEST_CASE("forms: basic form 規則第9条第2項 applied and its reason", "[forms]") {
  const json d = parse(kBasic);
  CHECK(at(d, "/emergency_exception") ==
        json{{"applied", json::array({check("適用した", true)})},
             {"reason", "災害対応のため、緊急に評価を実施する必要があった。"}});
  // basic_ocr_html:63-64 as printed: not applied, no reason
  const json not_applied = parse({
      kBasicTitle,
      "## Ⅰ 関連情報",
      "9. 規則第9条第2項の適用⇥⇥[ ] 適用した",
      "適用した理由⇥⇥",
  });
  CHECK(at(not_applied, "/emergency_exception") ==
        json{{"applied", json::array({check("適用した", false)})}, {"reason", nullptr}});
}

TEST_CASE("forms: the keys of the other forms are null in 様式2 and 様式2's in 様式4", "[forms]") {
  const json basic = parse(kBasic);
  CHECK(at(basic, "/header/approved_on") == nullptr);
  CHECK(at(basic, "/disclosure/fee") == nullptr);
  CHECK(at(basic, "/procedures/ppc_approval") ==
        json{{"submitted_on", nullptr}, {"review", nullptr}});
  const json full = parse(kFullClosing);
  CHECK(at(full, "/risk_summary") == nullptr);
  CHECK(at(full, "/emergency_exception") == nullptr);
  CHECK(at(full, "/threshold/target_population_as_of") == nullptr);
  CHECK(at(full, "/threshold/handler_count_as_of") == nullptr);
}

// =============================================================================================
// 7. Plain line-per-cell layout (pdftotext, basic_plain.txt)
// =============================================================================================

namespace {

const Lines kPlain = {
    "[令和６年10月\u3000様式２]",  // basic_plain:1-8
    "",
    "特定個人情報保護評価書（基礎項目評価書）",
    "",
    "評価書番号",
    "３",
    "評価書名",
    "介護保険に関する事務\u3000基礎項目評価書",
    "",
    "Ⅳ\u3000リスク対策",  // basic_plain:122-149
    "１．提出する特定個人情報保護評価書の種類",
    "[ 基礎項目評価書及び全項目評価書 ]",
    "＜選択肢＞",
    "1） 基礎項目評価書",
    "2） 基礎項目評価書及び重点項目評価書",
    "3） 基礎項目評価書及び全項目評価書",
    "３．特定個人情報の使用",
    " 目的を超えた紐付け、事務に必要のない情報との紐付けが行われるリスクへの対策は十",
    "分か",
    "[ 十分である ]",
    "＜選択肢＞",
    "1） 特に力を入れている 2） 十分である",
    "3） 課題が残されている",
    " 権限のない者（元職員、アクセス権限のない職員等）によって不",
    "正に使用されるリスクへの対策は十分か",
    "[ 特に力を入れている ]",
    "＜選択肢＞",
    "1） 特に力を入れている 2） 十分である",
    "3） 課題が残されている",
    "",
    "",
    "変更箇所",  // basic_plain:227-251
    "変更日",
    "項目",
    "変更前の記載",
    "変更後の記載",
    "提出時期",
    "提出時期に係る説明",
    "令和6年4月1日",
    "Ⅰ\u3000関連情報\u3000５．評価実施機関における担当部署\u3000①部署",
    "健康福祉局高齢福祉部介護保険課",
    "健康福祉局長寿社会部介護保険課",
    "事後",
    "組織改正に伴う変更",
    "変更日",
    "項目",
    "変更前の記載",
    "変更後の記載",
    "提出時期",
    "提出時期に係る説明",
    "令和7年2月28日",
    "Ⅱ\u3000しきい値判断項目\u3000３．重大事故",
    "発生なし",
    "発生あり",
    "事前",
    "－",
};

}  // namespace

TEST_CASE("forms: plain layout, 評価書番号 and 評価書名 on separate lines", "[forms]") {
  const json d = parse(kPlain);
  CHECK(at(d, "/source/layout") == "plain");
  CHECK(at(d, "/form/kind") == "basic");
  CHECK(at(d, "/form/version") == "令和6年10月 様式2");
  CHECK(at(d, "/header/number") == "3");
  CHECK(at(d, "/header/title") == "介護保険に関する事務 基礎項目評価書");
}

TEST_CASE("forms: plain layout, a label wrapped over two lines is recognized", "[forms]") {
  const json d = parse(kPlain);
  const json& use = at(d, "/risk_summary/use/risks");
  REQUIRE(use.size() == 2);
  CHECK(use[0].at("adequacy") == "十分である");
  CHECK(use[1].at("adequacy") == "特に力を入れている");
  CHECK(at(d, "/risk_summary/report_kind") == "基礎項目評価書及び全項目評価書");
}

TEST_CASE("forms: plain layout, a one-cell-per-line change table gives rows of six cells",
          "[forms]") {
  const json d = parse(kPlain);
  const json expected = json::array({
      {{"date", "2024-04-01"},
       {"item", "Ⅰ 関連情報 5．評価実施機関における担当部署 ①部署"},
       {"before", "健康福祉局高齢福祉部介護保険課"},
       {"after", "健康福祉局長寿社会部介護保険課"},
       {"timing", "事後"},
       {"reason", "組織改正に伴う変更"}},
      {{"date", "2025-02-28"},
       {"item", "Ⅱ しきい値判断項目 3．重大事故"},
       {"before", "発生なし"},
       {"after", "発生あり"},
       {"timing", "事前"},
       {"reason", nullptr}},
  });
  CHECK(at(d, "/changes") == expected);
}

// =============================================================================================
// 8. Form detection
// =============================================================================================

TEST_CASE("forms: 様式2 labels without title or stamp give kind basic and REC005", "[forms]") {
  const json d = parse({
      "## Ⅱ しきい値判断項目",  // basic_ocr_html:68-88 without the cover
      "1. 対象人数⇥⇥⇥",
      "評価対象の事務の対象人数は何人か⇥[ 1万人以上10万人未満 ]",
      "いつ時点の計数か⇥令和6年12月1日 時点",
      "2. 取扱者数⇥⇥⇥",
      "特定個人情報ファイル取扱者数は500人以上か⇥[ 500人未満 ]",
      "いつ時点の計数か⇥令和6年12月1日 時点",
      "3. 重大事故⇥⇥⇥",
      "過去1年以内に、評価実施機関において特定個人情報に関する重大事故が発生したか⇥[ 発生なし ]",
      "## III しきい値判断結果",
      "しきい値判断結果⇥[ 基礎項目評価の実施が義務付けられる ]",
  });
  CHECK(at(d, "/form/kind") == "basic");
  CHECK(at(d, "/form/version") == nullptr);
  const auto rec005 = diagnostics_with_rule(d, "REC005");
  REQUIRE(rec005.size() == 1);
  CHECK(rec005[0].at("severity") == "warning");
  CHECK(at(d, "/threshold/target_population") == "1万人以上10万人未満");
  CHECK(at(d, "/threshold/result") == "基礎項目評価の実施が義務付けられる");
}

TEST_CASE("forms: 様式4 labels without title or stamp give kind full and REC005", "[forms]") {
  const json d = parse({
      "<b>4. 特定個人情報ファイルを取り扱う理由</b>⇥",  // 004:78-80, 441-451
      "①事務実施上の必要性⇥個人の特定を効率化するため。",
      "②実現が期待されるメリット⇥公平・公正な収納・徴収につながる。",
      "## IV その他のリスク対策 ※",
      "1. 監査⇥⇥",
      std::string("①自己点検⇥[ 十分に行っている ]⇥") + kDo3List,
      "具体的なチェック方法⇥年に1度、自己点検を実施している。",
      std::string("②監査⇥[ 十分に行っている ]⇥") + kDo3List,
      "具体的な内容⇥監査を定期的に実施している。",
      "3. その他のリスク対策⇥⇥",
      "—",
  });
  CHECK(at(d, "/form/kind") == "full");
  REQUIRE(diagnostics_with_rule(d, "REC005").size() == 1);
  CHECK(at(d, "/file_reasons/necessity") == "個人の特定を効率化するため。");
  CHECK(at(d, "/other_risk_measures/audit/1") ==
        control("具体的なチェック方法", nullptr, "年に1度、自己点検を実施している。"));
}

TEST_CASE("forms: the template stamp alone decides kind and version", "[forms]") {
  // 002:2 `[令和６年10月　様式３]`, here for 様式4
  const json d = parse({
      "[令和６年10月\u3000様式４]",
      "",
      "①事務の名称⇥地方税の収納及び徴収に関する事務",
  });
  CHECK(at(d, "/form/kind") == "full");
  CHECK(at(d, "/form/version") == "令和6年10月 様式4");
  CHECK(diagnostics_with_rule(d, "REC005").empty());
  CHECK(at(d, "/other_risk_measures").is_object());
}

TEST_CASE("forms: a text with hardly any labels is not an assessment", "[forms]") {
  CHECK_THROWS_AS(parse({
                      "新潟市の地方税に関するお知らせ",
                      "納期限までに納付してください。",
                      "①事務の名称⇥地方税の収納及び徴収に関する事務",
                      "公表日⇥令和8年7月1日",
                  }),
                  hyoka::NotAnAssessment);
}

// =============================================================================================
// 9. Template-version spellings (grammar synonyms)
// =============================================================================================

TEST_CASE("forms: the grammars fold template-version spellings", "[forms]") {
  const hyoka::GrammarSet set;
  for (const char* form : {"basic", "full"}) {
    INFO(form);
    const hyoka::Grammar* g = set.find(form);
    REQUIRE(g != nullptr);
    auto same = [&](const char* a, const char* b) {
      return g->canonical(hyoka::text::label_key(a)) == g->canonical(hyoka::text::label_key(b));
    };
    CHECK(same("番号利用法第19条第8号に基づく主務省令", "番号法第19条第8号に基づく主務省令"));
    CHECK(same("特定個人情報ファイルの取扱いに関する問い合わせ",
               "特定個人情報ファイルの取扱いに関する問合せ"));
    CHECK(same("従業員に対する教育・啓発", "従業者に対する教育・啓発"));
    CHECK_FALSE(same("従業者に対する教育・啓発", "職員に対する教育・啓発"));
  }
}

TEST_CASE("forms: labels spelled as another template version still match", "[forms]") {
  const json d = parse({
      kFullTitle,
      "## IV その他のリスク対策 ※",
      "2. 従業員に対する教育・啓発⇥⇥",  // 000:309-310 `従業員に対する教育・啓発`
      std::string("従業員に対する教育・啓発⇥[ 特に力を入れて行っている ]⇥") + kDo3List,
      "具体的な方法⇥全職員を対象とした研修を実施している。",
      "",
      "## V 開示請求、問い合わせ",  // 000:351 `…問い合わせ`
      "1. 特定個人情報の開示・訂正・利用停止請求⇥",
      "①請求先⇥新潟市財務部納税課管理係",
      "⑤法令による特別の手続き⇥なし",
      "2. 特定個人情報ファイルの取扱いに関する問い合わせ⇥",
      "①連絡先⇥新潟市財務部納税課管理係 電話025-226-2288",
      "",
      "## VI 評価実施手続き",  // 001:595
      "1. 基礎項目評価⇥",
      "①実施日⇥令和7年12月1日",
  });
  CHECK(at(d, "/other_risk_measures/training") ==
        json{{"level", "特に力を入れて行っている"},
             {"method", "全職員を対象とした研修を実施している。"}});
  CHECK(at(d, "/disclosure/request_to") == "新潟市財務部納税課管理係");
  CHECK(at(d, "/disclosure/special_procedures") == "なし");
  CHECK(at(d, "/disclosure/contact") == "新潟市財務部納税課管理係 電話025-226-2288");
  CHECK(at(d, "/procedures/basic_assessment/date") == "2025-12-01");
  const json& missing = at(d, "/quality/sections_missing");
  CHECK_FALSE(contains(missing, "Ⅴ 開示請求、問合せ"));
  CHECK_FALSE(contains(missing, "Ⅵ 評価実施手続"));
  CHECK_FALSE(contains(missing, "Ⅳ その他のリスク対策"));
}

TEST_CASE("forms: values keep the spelling the document prints", "[forms]") {
  // the synonyms fold labels only: 004:85 `・番号利用法第19条第8号(特定個人情報の提供の制限)`
  const json d = parse({
      kFullTitle,
      "# I 基本情報",
      "<b>6. 情報提供ネットワークシステムによる情報連携 ※</b>⇥",
      "①実施の有無⇥<p>[      実施する      ]</p> <p style=\"text-align: right;\">&lt;選択肢&gt; 1) "
      "実施する 2) 実施しない 3) 未定</p>",
      "②法令上の根拠⇥<p>・番号利用法第19条第8号(特定個人情報の提供の制限)</p>",
  });
  CHECK(at(d, "/network_linkage/implementation") == "実施する");
  CHECK(at(d, "/network_linkage/legal_basis") ==
        "・番号利用法第19条第8号(特定個人情報の提供の制限)");
}
