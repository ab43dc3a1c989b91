#include "diff/jsonprettyprinter.h"
#include "diff/jsontext.h"
#include "diff/jsontree.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace hookbench;

namespace {

QString fixturesDir()
{
    return QStringLiteral(HOOKBENCH_FIXTURES_DIR "/vwo-settings");
}

// "type raw" of every node in document order, members as "key=type raw".
QStringList describe(const JsonTree &tree)
{
    static const char *const names[] = {"null",   "false", "true",  "number",
                                        "string", "array", "object"};
    QStringList out;
    for (int i = 0; i < tree.size(); ++i) {
        QString line = QLatin1String(names[int(tree.type(i))]);
        if (!tree.isContainer(i))
            line += QLatin1Char(' ') + QString::fromUtf8(tree.raw(i));
        if (tree.hasKey(i))
            line = QString::fromUtf8(tree.key(i)) + QLatin1Char('=') + line;
        out.append(line);
    }
    return out;
}

} // namespace

// JsonTree: order, numbers as written, positions, errors with line and column; pretty printing.
class TestJsonTree : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QStringList>("nodes");

        QTest::addRow("members keep their order")
            << QByteArray(R"({"z": 1, "a": 2, "m": 3})")
            << QStringList{QStringLiteral("object"), QStringLiteral("z=number 1"),
                           QStringLiteral("a=number 2"), QStringLiteral("m=number 3")};
        QTest::addRow("numbers as written")
            << QByteArray(R"([1, 1.0, "1", -0, 1e2, 12345678901234567890123, 0.1000])")
            << QStringList{QStringLiteral("array"),
                           QStringLiteral("number 1"),
                           QStringLiteral("number 1.0"),
                           QStringLiteral("string \"1\""),
                           QStringLiteral("number -0"),
                           QStringLiteral("number 1e2"),
                           QStringLiteral("number 12345678901234567890123"),
                           QStringLiteral("number 0.1000")};
        QTest::addRow("{} and [] kept apart")
            << QByteArray("{\"a\": {}, \"b\": [ ], \"c\": {\n}}")
            << QStringList{QStringLiteral("object"), QStringLiteral("a=object"),
                           QStringLiteral("b=array"), QStringLiteral("c=object")};
        QTest::addRow("literals and nesting")
            << QByteArray(R"([[true], {"x": [null, false]}])")
            << QStringList{QStringLiteral("array"),      QStringLiteral("array"),
                           QStringLiteral("true true"),  QStringLiteral("object"),
                           QStringLiteral("x=array"),    QStringLiteral("null null"),
                           QStringLiteral("false false")};
        QTest::addRow("escapes kept as written, keys decoded")
            << QByteArray("{\"a\\\"b\": \"x\\u00e9\\n\", \"\\u00e9\": 1}")
            << QStringList{QStringLiteral("object"), QStringLiteral("a\"b=string \"x\\u00e9\\n\""),
                           QStringLiteral("\u00e9=number 1")};
        QTest::addRow("repeated keys kept")
            << QByteArray(R"({"a": 1, "a": 2})")
            << QStringList{QStringLiteral("object"), QStringLiteral("a=number 1"),
                           QStringLiteral("a=number 2")};
        QTest::addRow("top-level scalar")
            << QByteArray("  \"text\"\n") << QStringList{QStringLiteral("string \"text\"")};
        QTest::addRow("top-level number")
            << QByteArray("-12.5e-3") << QStringList{QStringLiteral("number -12.5e-3")};
    }
    void parse()
    {
        QFETCH(QByteArray, json);
        QFETCH(QStringList, nodes);
        JsonParseError error;
        const JsonTree tree = JsonTree::parse(json, &error);
        QVERIFY2(!tree.isNull(), qPrintable(error.toString()));
        QVERIFY(!error.isError());
        QCOMPARE(describe(tree), nodes);
    }

    void accessors()
    {
        const JsonTree tree = JsonTree::parse(QByteArray(R"({"id": "1", "list": [10, 20, 30],
 "name": "Caf\u00e9", "a/b~c": true})"));
        QVERIFY(!tree.isNull());
        QCOMPARE(tree.childCount(JsonTree::Root), 4);
        const int list = tree.member(JsonTree::Root, "list");
        QCOMPARE(tree.childCount(list), 3);
        QCOMPARE(tree.raw(tree.element(list, 2)), QByteArrayView("30"));
        QCOMPARE(tree.element(list, 3), -1);
        QCOMPARE(tree.member(JsonTree::Root, "missing"), -1);
        QCOMPARE(tree.text(tree.member(JsonTree::Root, "id")), QByteArray("1"));
        QCOMPARE(tree.string(tree.member(JsonTree::Root, "name")), QStringLiteral("Caf\u00e9"));
        QCOMPARE(tree.pointer(tree.element(list, 1)), QStringLiteral("/list/1"));
        QCOMPARE(tree.pointer(tree.member(JsonTree::Root, "a/b~c")), QStringLiteral("/a~1b~0c"));
        QCOMPARE(tree.pointer(JsonTree::Root), QString());
        // Positions: 1-based line and column of each value, columns in characters.
        QCOMPARE(tree.position(list).line, 1);
        QCOMPARE(tree.position(list).column, 21);
        const int name = tree.member(JsonTree::Root, "name");
        QCOMPARE(tree.position(name).line, 2);
        QCOMPARE(tree.position(name).column, 10);
        QCOMPARE(tree.keyPosition(name).column, 2);
        // A click in the text finds the innermost value there.
        QCOMPARE(tree.nodeAt(tree.node(tree.element(list, 1)).offset + 1), tree.element(list, 1));
        QCOMPARE(tree.nodeAt(tree.node(list).offset), list);
        QCOMPARE(tree.nodeAt(qsizetype(tree.source().size()) + 5), -1);
        QVERIFY(!tree.isEmptyContainer(list));
        QVERIFY(JsonTree::parse(QByteArray("{ }")).isEmptyContainer(JsonTree::Root));
    }

    void columnsCountCharacters()
    {
        const JsonTree tree = JsonTree::parse(QByteArray("{\"\u00e9\u00e9\": 1}"));
        QCOMPARE(tree.position(1).column, 8); // {"éé": 1 — é is two bytes, one column
    }

    void invalid_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");

        auto row = [](const char *name, const QByteArray &json, int line, int column,
                      const char *message) {
            QTest::addRow("%s", name) << json << line << column << QString::fromUtf8(message);
        };
        row("empty", "", 1, 1, "no JSON value (the input is empty)");
        row("blank", " \n ", 2, 2, "no JSON value (the input is empty)");
        row("unclosed object", "{\"a\": 1", 1, 8,
            "expected ',' or '}' after an object member, found the end of the input");
        row("trailing comma in array", "[1,]", 1, 4, "expected a value, found ']'");
        row("trailing comma in object", "{\"a\": 1,}", 1, 9,
            "expected a key in double quotes, found '}'");
        row("missing colon", "{\"a\" 1}", 1, 6, "expected ':' after a key, found '1'");
        row("missing comma", "[1 2]", 1, 4,
            "expected ',' or ']' after an array element, found '2'");
        row("single quotes", "{'a': 1}", 1, 2, "expected a key in double quotes, found '''");
        row("leading zero", "[01]", 1, 2, "invalid number '01'");
        row("bare dot", "[1.]", 1, 2, "invalid number '1.'");
        row("lone minus", "[-]", 1, 2, "invalid number '-'");
        row("bad literal", "[tru]", 1, 2, "invalid literal (expected true)");
        row("unterminated string", "[\"abc", 1, 2, "unterminated string");
        row("unterminated key", "{\"abc", 1, 2, "unterminated key");
        row("bad escape", "[\"a\\x\"]", 1, 4, "invalid escape '\\x'");
        row("bad unicode escape", "[\"\\u12G4\"]", 1, 3,
            "invalid \\u escape (expected 4 hex digits)");
        row("control character", "[\"a\tb\"]", 1, 4, "control character in a string (escape it)");
        row("invalid UTF-8", "[\"a\xff\"]", 1, 4, "invalid UTF-8");
        row("overlong UTF-8", "[\"\xc0\xaf\"]", 1, 3, "invalid UTF-8");
        // What simdjson's On Demand lets through when only raw tokens are read (found by fuzzing).
        row("member in an array", "[\"a\": 1]", 1, 5,
            "expected ',' or ']' after an array element, found ':'");
        row("no comma after a container", "{\"a\": {} \"b\": 1}", 1, 10,
            "expected ',' or '}' after an object member, found '\"'");
        row("truncated UTF-8", "[\"s\xc3\"]", 1, 4, "invalid UTF-8");
        row("trailing content", "{} x", 1, 4, "unexpected 'x' after the JSON value");
        row("extra bracket", "{\"a\": 1}}", 1, 9, "unexpected '}' after the JSON value");
        row("two documents", "[1] [2]", 1, 5, "unexpected '[' after the JSON value");
        row("later line", "{\n  \"a\": [\n    1,\n    ,\n  ]\n}", 4, 5,
            "expected a value, found ','");
        row("column after UTF-8", "{\"\u00e9\": x}", 1, 7, "expected a value, found 'x'");
        row("nul byte", QByteArray("[1,\0]", 5), 1, 4, "expected a value, found byte 0x00");
        row("too deep", QByteArray(1025, '[') + QByteArray(1025, ']'), 1, 1025,
            "nested deeper than 1024 levels");
    }
    void invalid()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, message);
        JsonParseError error;
        const JsonTree tree = JsonTree::parse(json, &error);
        QVERIFY(tree.isNull());
        QCOMPARE(error.message, message);
        QCOMPARE(error.line, line);
        QCOMPARE(error.column, column);
        QCOMPARE(error.toString(),
                 QStringLiteral("line %1, column %2: %3").arg(line).arg(column).arg(message));
    }

    void deepButAllowed()
    {
        const QByteArray json = QByteArray(1024, '[') + QByteArray(1024, ']');
        const JsonTree tree = JsonTree::parse(json);
        QCOMPARE(tree.size(), 1024);
    }

    void unreadableFile()
    {
        JsonParseError error;
        const JsonTree tree = JsonTree::parseFile(QStringLiteral("/nonexistent/x.json"), &error);
        QVERIFY(tree.isNull());
        QCOMPARE(error.line, 0);
        QVERIFY2(error.toString().startsWith(QLatin1String("cannot read /nonexistent/x.json: ")),
                 qPrintable(error.toString()));
    }

    // Every fixture: same data as Qt reads, compact and pretty text parse back to the same.
    void fixtures_data()
    {
        QTest::addColumn<QString>("path");
        const QStringList names = QDir(fixturesDir()).entryList({QStringLiteral("*.json")});
        QVERIFY(names.size() >= 10);
        for (const QString &name : names)
            QTest::addRow("%s", qPrintable(name)) << fixturesDir() + QLatin1Char('/') + name;
    }
    void fixtures()
    {
        QFETCH(QString, path);
        JsonParseError error;
        const JsonTree tree = JsonTree::parseFile(path, &error);
        QVERIFY2(!tree.isNull(), qPrintable(error.toString()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QCOMPARE(tree.source(), bytes);
        const QJsonDocument expected = QJsonDocument::fromJson(bytes);
        QCOMPARE(QJsonDocument::fromJson(compactJson(tree)), expected);
        const PrettyText pretty = hookbench::prettyPrint(tree);
        QCOMPARE(QJsonDocument::fromJson(pretty.text), expected);
        // The fixtures were written with 2-space indent: pretty printing gives them back.
        QCOMPARE(pretty.text.trimmed(), bytes.trimmed());
        QCOMPARE(compactJson(JsonTree::parse(pretty.text)), compactJson(tree));
        for (int i = 0; i < tree.size(); ++i)
            QCOMPARE(pretty.nodeLines[i],
                     tree.hasKey(i) ? tree.keyPosition(i).line : tree.position(i).line);
    }

    void prettyPrint_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("sortKeys");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QList<int>>("lines");

        QTest::addRow("nested") << QByteArray(R"({"b":[1,{"x":1.50}],"a":{ },"c":[]})") << false
                                << QByteArray("{\n  \"b\": [\n    1,\n    {\n      \"x\": 1.50\n"
                                              "    }\n  ],\n  \"a\": {},\n  \"c\": []\n}\n")
                                << QList<int>{1, 2, 3, 4, 5, 8, 9};
        QTest::addRow("sorted keys") << QByteArray(R"({"b":1,"a":{"d":2,"c":3},"a":0})") << true
                                     << QByteArray("{\n  \"a\": {\n    \"c\": 3,\n    \"d\": 2\n"
                                                   "  },\n  \"a\": 0,\n  \"b\": 1\n}\n")
                                     << QList<int>{1, 7, 2, 4, 3, 6};
        QTest::addRow("scalar") << QByteArray(" 12 ") << false << QByteArray("12\n")
                                << QList<int>{1};
        QTest::addRow("escapes as written")
            << QByteArray(R"(["\u00e9\/"])") << false << QByteArray("[\n  \"\\u00e9\\/\"\n]\n")
            << QList<int>{1, 2};
    }
    void prettyPrint()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, sortKeys);
        QFETCH(QByteArray, text);
        QFETCH(QList<int>, lines);
        PrettyPrintOptions options;
        options.sortKeys = sortKeys;
        const PrettyText pretty = hookbench::prettyPrint(JsonTree::parse(json), options);
        QCOMPARE(pretty.text, text);
        QCOMPARE(pretty.nodeLines, lines);
    }

    void compact()
    {
        const JsonTree tree =
            JsonTree::parse(QByteArray("{ \"a\" : [ 1 , 2.0 , { } ] ,\n \"b\":\"x y\" }"));
        QCOMPARE(compactJson(tree), QByteArray(R"({"a":[1,2.0,{}],"b":"x y"})"));
        QCOMPARE(compactJson(tree, tree.member(JsonTree::Root, "a")), QByteArray("[1,2.0,{}]"));
    }

    void numbers_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<bool>("same");
        QTest::addRow("1 = 1.0") << QByteArray("1") << QByteArray("1.0") << true;
        QTest::addRow("1 = 1e0") << QByteArray("1") << QByteArray("1e0") << true;
        QTest::addRow("100 = 1E+2") << QByteArray("100") << QByteArray("1E+2") << true;
        QTest::addRow("1 = 10e-1") << QByteArray("1") << QByteArray("10e-1") << true;
        QTest::addRow("0 = -0.0") << QByteArray("0") << QByteArray("-0.0") << true;
        QTest::addRow("0.5 = 5e-1") << QByteArray("0.5") << QByteArray("5e-1") << true;
        QTest::addRow("1 != -1") << QByteArray("1") << QByteArray("-1") << false;
        QTest::addRow("beyond 2^53")
            << QByteArray("9007199254740993") << QByteArray("9007199254740992") << false;
        QTest::addRow("long integers")
            << QByteArray("12345678901234567890") << QByteArray("12345678901234567891") << false;
        QTest::addRow("33.3333 != 33.33333")
            << QByteArray("33.3333") << QByteArray("33.33333") << false;
    }
    void numbers()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(bool, same);
        QVERIFY(isJsonNumber(a) && isJsonNumber(b));
        QCOMPARE(sameJsonNumber(a, b), same);
        QCOMPARE(sameJsonNumber(b, a), same);
    }

    // A copy shares the parse; a padded buffer is used as it is, a short one is copied.
    void copiesShare()
    {
        QByteArray bytes("[1,2,3]");
        bytes.reserve(bytes.size() + JsonTree::Padding);
        const char *data = bytes.constData();
        const JsonTree tree = JsonTree::parse(bytes);
        QCOMPARE(tree.source().constData(), data);
        const JsonTree copy = tree; // NOLINT: the copy is the point
        QCOMPARE(copy.raw(2).data(), tree.raw(2).data());
        QCOMPARE(JsonTree::parse(QByteArray::fromRawData("[1]", 3)).size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestJsonTree)
#include "tst_jsontree.moc"
