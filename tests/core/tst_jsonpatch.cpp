#include "diff/jsonpatch.h"
#include "diff/jsonprettyprinter.h"
#include "tst_jsondiffedit.h"

#include <QDir>
#include <QRegularExpression>
#include <QTest>

using namespace hookbench;
using namespace jsonedit;

namespace {

// Edited copies that differ in what the semantic diff ignores and the patch must not.
QList<QPair<const char *, QByteArray>> editedCopies(const QByteArray &bytes)
{
    const QJsonValue root = parse(bytes);
    QList<QPair<const char *, QByteArray>> copies;
    copies.append({"keys sorted, Qt's layout", dump(root)});
    QByteArray swapped = bytes;
    swapped.replace(": {}", ": [ ]").replace(": []", ": {}");
    copies.append({"{} and [] swapped", swapped});
    QString respelled = QString::fromUtf8(bytes); // whole numbers only: 100 as 1E2, 50 as 50.0
    respelled.replace(QRegularExpression(QStringLiteral(": 100(?=[,\\n])")),
                      QStringLiteral(": 1E2"));
    respelled.replace(QRegularExpression(QStringLiteral(": 50(?=[,\\n])")),
                      QStringLiteral(": 50.0"));
    copies.append({"numbers respelled", respelled.toUtf8()});
    QByteArray escaped = bytes;
    escaped.replace("\"RUNNING\"", "\"RUNN\\u0049NG\\/\"");
    copies.append({"string escapes", escaped});
    const QJsonArray campaigns = at(root, QStringLiteral("campaigns")).toArray();
    copies.append({"campaigns reversed",
                   dump(edited(root, QStringLiteral("campaigns"), reversed(campaigns)))});
    if (!campaigns.isEmpty()) {
        copies.append(
            {"first campaign removed", dump(removed(root, QStringLiteral("campaigns/0")))});
        QJsonObject copy = campaigns.at(0).toObject();
        copy[QStringLiteral("key")] = QStringLiteral("copy");
        QJsonArray inserted = campaigns;
        inserted.prepend(copy);
        copies.append(
            {"campaign inserted", dump(edited(root, QStringLiteral("campaigns"), inserted))});
    }
    QByteArray big = bytes;
    big.insert(big.indexOf('{') + 1, "\"bigId\": 12345678901234567890123, ");
    copies.append({"integer beyond 2^53", big});
    return copies;
}

QByteArray patchOf(const QByteArray &before, const QByteArray &after)
{
    return makeJsonPatch(JsonTree::parse(before), JsonTree::parse(after));
}

} // namespace

// JSON Patch: makeJsonPatch() then applyJsonPatch() gives NEW exactly; RFC 6902's examples.
class TestJsonPatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QByteArray>("after");
        const QStringList names = QDir(fixturesDir()).entryList({QStringLiteral("*.json")});
        QVERIFY(names.size() >= 10);
        for (const QString &a : names) {
            for (const QString &b : names)
                QTest::addRow("%s -> %s", qPrintable(a), qPrintable(b))
                    << readFixture(a) << readFixture(b);
        }
        for (const QString &name : names) {
            const QByteArray bytes = readFixture(name);
            for (const auto &[label, copy] : editedCopies(bytes)) {
                QTest::addRow("%s: %s", qPrintable(name), label) << bytes << copy;
                QTest::addRow("%s: %s, back", qPrintable(name), label) << copy << bytes;
            }
            for (const auto &[label, editor] : editors()) { // tst_jsondiff's edits too
                if (const std::optional<Edit> edit = editor(parse(bytes)))
                    QTest::addRow("%s: edit %s", qPrintable(name), label)
                        << bytes << dump(edit->document);
            }
        }
        QTest::addRow("scalar to container") << QByteArray("1") << QByteArray("{\"a\": [1]}");
        QTest::addRow("{} to []") << QByteArray("{}") << QByteArray("[]");
        QTest::addRow("keys reordered and renamed")
            << QByteArray(R"({"a": 1, "b": {"x": 1, "y": 2}, "c": 3, "d": 4})")
            << QByteArray(R"({"c": 3, "a": 1, "e": 5, "b": {"y": 2, "x": 1.0}})");
        QTest::addRow("key with / and ~")
            << QByteArray(R"({"a/b": 1, "~": [1]})") << QByteArray(R"({"a/b": 2, "~": [1, 2]})");
        QTest::addRow("repeated keys")
            << QByteArray(R"({"a": 1, "a": 2})") << QByteArray(R"({"a": 1, "a": 3})");
        QTest::addRow("arrays shifted")
            << QByteArray("[1, 2, 3, 4, 5, 6]") << QByteArray("[0, 1, 2, 4, 5, 7, 6, 8]");
        QTest::addRow("arrays replaced") << QByteArray("[[1, 2], {\"a\": 1}, \"x\"]")
                                         << QByteArray("[{\"a\": 2}, [1, 2, 3], null]");
    }
    void roundTrip()
    {
        QFETCH(QByteArray, before);
        QFETCH(QByteArray, after);
        const JsonTree oldTree = JsonTree::parse(before);
        const JsonTree newTree = JsonTree::parse(after);
        QVERIFY(!oldTree.isNull() && !newTree.isNull());
        const QByteArray patch = makeJsonPatch(oldTree, newTree);
        QVERIFY(!JsonTree::parse(patch).isNull());
        QString error;
        const QByteArray result = applyJsonPatch(before, patch, &error);
        QVERIFY2(!result.isNull(),
                 qPrintable(error + QLatin1Char('\n') + QString::fromUtf8(patch)));
        QCOMPARE(result, compactJson(newTree)); // byte for byte: order, {} vs [], spellings
        if (compactJson(oldTree) == compactJson(newTree))
            QCOMPARE(patch, QByteArray("[]\n"));
    }

    void patchText_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QByteArray>("after");
        QTest::addColumn<QByteArray>("patch");
        QTest::addRow("same") << QByteArray("{\"a\": [1]}") << QByteArray("{\"a\":[1]}")
                              << QByteArray("[]\n");
        QTest::addRow("replace")
            << QByteArray(R"({"a": 1, "b": 2})") << QByteArray(R"({"a": 1, "b": 3})")
            << QByteArray("[\n  {\"op\":\"replace\",\"path\":\"/b\",\"value\":3}\n]\n");
        QTest::addRow("one element out")
            << QByteArray("[1, 2, 3, 4]") << QByteArray("[1, 3, 4]")
            << QByteArray("[\n  {\"op\":\"remove\",\"path\":\"/1\"}\n]\n");
        QTest::addRow("one element in")
            << QByteArray("[1, 3]") << QByteArray("[1, 2, 3]")
            << QByteArray("[\n  {\"op\":\"add\",\"path\":\"/1\",\"value\":2}\n]\n");
        QTest::addRow("number spelling")
            << QByteArray("[1]") << QByteArray("[1.0]")
            << QByteArray("[\n  {\"op\":\"replace\",\"path\":\"/0\",\"value\":1.0}\n]\n");
        QTest::addRow("{} against []")
            << QByteArray(R"({"s": {}})") << QByteArray(R"({"s": []})")
            << QByteArray("[\n  {\"op\":\"replace\",\"path\":\"/s\",\"value\":[]}\n]\n");
        QTest::addRow("member order")
            << QByteArray(R"({"a": 1, "b": 2, "c": 3})")
            << QByteArray(R"({"a": 1, "c": 3, "b": 2})")
            << QByteArray("[\n  {\"op\":\"move\",\"from\":\"/b\",\"path\":\"/b\"}\n]\n");
        QTest::addRow("one element edited in place")
            << QByteArray(R"({"c": [{"k": "a", "t": 1}, {"k": "b", "t": 1}, {"k": "c", "t": 1}]})")
            << QByteArray(R"({"c": [{"k": "a", "t": 1}, {"k": "b", "t": 2}, {"k": "c", "t": 1}]})")
            << QByteArray("[\n  {\"op\":\"replace\",\"path\":\"/c/1/t\",\"value\":2}\n]\n");
        // Elements are aligned by content, not identity: what differs in one gap pairs by position.
        QTest::addRow("a gap: replaced, then removed")
            << QByteArray(R"({"c": [{"k": "a", "t": 1}, {"k": "b", "t": 1}, {"k": "c", "t": 1}]})")
            << QByteArray(R"({"c": [{"k": "a", "t": 1}, {"k": "c", "t": 2}]})")
            << QByteArray(
                   "[\n  {\"op\":\"replace\",\"path\":\"/c/1\",\"value\":{\"k\":\"c\",\"t\":2}},\n"
                   "  {\"op\":\"remove\",\"path\":\"/c/2\"}\n]\n");
    }
    void patchText()
    {
        QFETCH(QByteArray, before);
        QFETCH(QByteArray, after);
        QFETCH(QByteArray, patch);
        QCOMPARE(patchOf(before, after), patch);
    }

    // RFC 6902 Appendix A, and the errors.
    void apply_data()
    {
        QTest::addColumn<QByteArray>("document");
        QTest::addColumn<QByteArray>("patch");
        QTest::addColumn<QByteArray>("result"); // null: fails with `error`
        QTest::addColumn<QString>("error");
        auto ok = [](const char *name, const char *document, const char *patch,
                     const char *result) {
            QTest::addRow("%s", name)
                << QByteArray(document) << QByteArray(patch) << QByteArray(result) << QString();
        };
        auto fails = [](const char *name, const char *document, const char *patch,
                        const char *error) {
            QTest::addRow("%s", name) << QByteArray(document) << QByteArray(patch) << QByteArray()
                                      << QString::fromUtf8(error);
        };
        ok("A.1 add a member", R"({"foo": "bar"})",
           R"([{"op": "add", "path": "/baz", "value": "qux"}])", R"({"foo":"bar","baz":"qux"})");
        ok("A.2 add an element", R"({"foo": ["bar", "baz"]})",
           R"([{"op": "add", "path": "/foo/1", "value": "qux"}])",
           R"({"foo":["bar","qux","baz"]})");
        ok("A.3 remove a member", R"({"baz": "qux", "foo": "bar"})",
           R"([{"op": "remove", "path": "/baz"}])", R"({"foo":"bar"})");
        ok("A.4 remove an element", R"({"foo": ["bar", "qux", "baz"]})",
           R"([{"op": "remove", "path": "/foo/1"}])", R"({"foo":["bar","baz"]})");
        ok("A.5 replace", R"({"baz": "qux", "foo": "bar"})",
           R"([{"op": "replace", "path": "/baz", "value": "boo"}])",
           R"({"baz":"boo","foo":"bar"})");
        ok("A.6 move a value",
           R"({"foo": {"bar": "baz", "waldo": "fred"}, "qux": {"corge": "grault"}})",
           R"([{"op": "move", "from": "/foo/waldo", "path": "/qux/thud"}])",
           R"({"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}})");
        ok("A.7 move an element", R"({"foo": ["all", "grass", "cows", "eat"]})",
           R"([{"op": "move", "from": "/foo/1", "path": "/foo/3"}])",
           R"({"foo":["all","cows","eat","grass"]})");
        ok("A.8 test", R"({"baz": "qux", "foo": ["a", 2, "c"]})",
           R"([{"op": "test", "path": "/baz", "value": "qux"}, {"op": "test", "path": "/foo/1", "value": 2.0}])",
           R"({"baz":"qux","foo":["a",2,"c"]})");
        fails("A.9 test fails", R"({"baz": "qux"})",
              R"([{"op": "test", "path": "/baz", "value": "bar"}])",
              "operation 0 (test /baz): test failed");
        ok("A.10 add a nested member", R"({"foo": "bar"})",
           R"([{"op": "add", "path": "/child", "value": {"grandchild": {}}}])",
           R"({"foo":"bar","child":{"grandchild":{}}})");
        fails("A.12 add to a missing parent", R"({"foo": "bar"})",
              R"([{"op": "add", "path": "/baz/bat", "value": "qux"}])",
              "operation 0 (add /baz/bat): no member \"baz\"");
        ok("A.14 escapes", R"({"/": 9, "~1": 10})",
           R"([{"op": "test", "path": "/~01", "value": 10}])", R"({"/":9,"~1":10})");
        ok("A.16 add an array value", R"({"foo": ["bar"]})",
           R"([{"op": "add", "path": "/foo/-", "value": ["abc", "def"]}])",
           R"({"foo":["bar",["abc","def"]]})");
        ok("copy", R"({"a": {"b": 1}})", R"([{"op": "copy", "from": "/a", "path": "/c"}])",
           R"({"a":{"b":1},"c":{"b":1}})");
        ok("move onto itself appends", R"({"a": 1, "b": 2})",
           R"([{"op": "move", "from": "/a", "path": "/a"}])", R"({"b":2,"a":1})");
        ok("replace the root", R"({"a": 1})", R"([{"op": "replace", "path": "", "value": [1.50]}])",
           "[1.50]");
        fails("index out of range", "[1]", R"([{"op": "remove", "path": "/1"}])",
              "operation 0 (remove /1): bad array index \"1\" (size 1)");
        fails("leading zero index", "[1, 2]", R"([{"op": "replace", "path": "/01", "value": 0}])",
              "operation 0 (replace /01): bad array index \"01\" (size 2)");
        fails("unknown op", "{}", R"([{"op": "frobnicate", "path": ""}])",
              "operation 0 (frobnicate ): unknown op \"frobnicate\"");
        fails("move into itself", R"({"a": {"b": 1}})",
              R"([{"op": "move", "from": "/a", "path": "/a/b/c"}])",
              "operation 0 (move /a/b/c): cannot move a value into itself");
        fails("second operation", "{}",
              R"([{"op": "add", "path": "/a", "value": 1}, {"op": "remove", "path": "/b"}])",
              "operation 1 (remove /b): no member \"b\"");
        fails("not a patch", "{}", "{}", "patch: not an array");
        fails("invalid document", "{", "[]",
              "document: line 1, column 2: expected a key in double quotes, found the end of the "
              "input");
    }
    void apply()
    {
        QFETCH(QByteArray, document);
        QFETCH(QByteArray, patch);
        QFETCH(QByteArray, result);
        QFETCH(QString, error);
        QString message;
        QCOMPARE(applyJsonPatch(document, patch, &message), result);
        QCOMPARE(message, error);
    }
};

QTEST_GUILESS_MAIN(TestJsonPatch)
#include "tst_jsonpatch.moc"
