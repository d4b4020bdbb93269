// The parser's own diagnostics (docs/diagnostics.md "Reading"), registered so that `hyoka rules`
// explains them and --select / --ignore apply to them. Their checks live in the recognizers.
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

std::vector<Rule> reading() {
  auto r = [](const char* code, const char* family, const char* severity, const char* summary,
              const char* explanation) {
    return Rule{code, family, severity, summary, explanation, {}, {}, nullptr};
  };
  return {
      r("DEC001", "quality", "warning", "文字コードとして不正なバイト列を U+FFFD に置き換えた",
        R"(入力に、判定した文字コードとして不正なバイト列がありました。その文字は U+FFFD に置き換え、
数を quality.invalid_sequences に、最初の行を line に示します。文字化けした箇所の値は信頼できません。
直し方: 正しい文字コードで保存し直すか、--encoding で文字コードを指定します。)"),
      r("REC001", "quality", "info", "委託の有無を件数または委託事項から推定した",
        R"(委託の有無のチェックが読み取れなかったため、記載された件数（ N ）件または委託事項から
「委託する」と推定しました。文書の誤りではなく、読み取りの推定です。)"),
      r("REC002", "dates", "warning", "日付の形をしているが正しい日付でない",
        R"(日付の欄に「令和5年2月29日」「令和0年1月1日」のように日付の形をしているが存在しない日付が
あります。値は null にしました。文書の誤記（和暦の年・月・日の誤り）か、OCR の読み誤りです。
直し方: 正しい日付を記載します。)"),
      r("REC003", "options", "warning", "選択式の項目の値が選択肢にない",
        R"(選択式の項目の値（[ ] の中、またはチェックした選択肢）が様式の＜選択肢＞のどれとも一致しません。
OCR の読み誤りか、古い様式の選択肢です。値は null にしました。
直し方: 様式の選択肢のどれかを選びます。)"),
      r("REC004", "quality", "info", "この様式専用の文法がなく様式3 の文法で読んだ",
        R"(評価書の種類に専用の文法がないため、重点項目評価書（様式3）の文法で読み取りました（現在は
3 様式すべてに文法があります）。)"),
      r("REC005", "quality", "warning", "評価書の種類を判定できない",
        R"(表紙の題名も様式番号も見つからないため、評価書の種類（基礎項目・重点項目・全項目）を判定
できませんでした。ラベルの一致が最も多い文法で読み取っています。
直し方: 表紙（題名）を含めて抽出し直します。)"),
      r("REC006", "quality", "warning", "認識できた行が入力の半分未満",
        R"(入力の行の半分以上を、見出し・ラベル・選択肢などとして認識できませんでした。まだ対応して
いない抽出形式の可能性があり、値の多くが null でも文書の空欄とは限りません。)"),
      r("REC007", "counts", "warning", "Ⅲ リスク対策のブロックに対応する Ⅱ のファイルがない",
        R"(Ⅲ リスク対策は Ⅱ のファイルと同じ順に記載します。Ⅱ のファイルより多い Ⅲ のブロックがあり、
対応付けられませんでした。ページの欠落か、Ⅱ のファイルの記載漏れです。)"),
      r("REC008", "counts", "warning", "番号付きの繰り返しに欠番がある（ページの欠落の可能性）",
        R"(システムN・委託事項N・提供先N・移転先N の番号に欠けがあります（システム3 があるのに
システム1 と 2 がない など）。ページが欠落した可能性が高く、欠けた番号は quality.sections_missing
にも挙げます。
直し方: 元の PDF で欠けたページを確かめます。)"),
      r("REC009", "quality", "warning", "変更箇所の表の列の読み順が崩れて行を組み立てられない",
        R"(pdftotext の抽出で変更箇所の表の列が崩れているため、行を組み立てられませんでした。changes は
誤った組み合わせで埋めずに空にしています。変更箇所に関わる規則（CHG・DAT）は確かめていません。)"),
      r("NAM001", "names", "warning", "Ⅲ と Ⅱ でファイル名が違う",
        R"(Ⅲ リスク対策の「1. 特定個人情報ファイル名」が、順序で対応する Ⅱ のファイル名と一致しません
（「徴収・滞納整理関係情報ファイル」と「…関連情報ファイル」など）。Ⅱ の名称を使っています。
直し方: Ⅱ と Ⅲ のファイル名をそろえます。)"),
  };
}

}  // namespace hyoka::validate::ruleset
