#include "endpointconfig.h"

#include "auth/keysecret.h"
#include "diff/jsonsyntaxcheck.h"
#include "json/jsonfieldreader.h"
#include "settings/settingsurl.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <limits>

namespace hookbench {

namespace {

constexpr int FormatVersion = 1;
const QLatin1String FormatName("endpoints");

// ---- export ----

bool responseIsDefault(const ResponseOverride &response)
{
    return response.status == 0 && response.body.isEmpty() && response.delayMs == 0;
}

bool forwardIsDefault(const ForwardTarget &forward)
{
    const ForwardTarget none;
    return forward == none;
}

// Bodies are text as a rule; bytes that are not UTF-8 go as base64 so the round trip is exact.
void putBody(QJsonObject *object, const QByteArray &body)
{
    const QString text = QString::fromUtf8(body);
    if (text.toUtf8() == body)
        object->insert(QLatin1String("body"), text);
    else
        object->insert(QLatin1String("body_base64"), QString::fromLatin1(body.toBase64()));
}

QJsonObject endpointObject(const Endpoint &endpoint, const AccountProfile *profile)
{
    QJsonObject object{{QLatin1String("name"), endpoint.name},
                       {QLatin1String("path"), endpoint.path},
                       {QLatin1String("port"), int(endpoint.port)},
                       {QLatin1String("colour"), endpoint.colour}};
    if (!responseIsDefault(endpoint.response)) {
        QJsonObject response{{QLatin1String("status"), endpoint.response.status},
                             {QLatin1String("delay_ms"), endpoint.response.delayMs}};
        putBody(&response, endpoint.response.body);
        object.insert(QLatin1String("response"), response);
    }
    if (!forwardIsDefault(endpoint.forward)) {
        object.insert(
            QLatin1String("forward"),
            QJsonObject{{QLatin1String("url"), endpoint.forward.url.toString(QUrl::FullyEncoded)},
                        {QLatin1String("follow_answer"), endpoint.forward.followAnswer},
                        {QLatin1String("timeout_ms"), endpoint.forward.timeoutMs}});
    }
    if (profile) {
        // Never the SDK key: it stays in each member's own secret store.
        object.insert(QLatin1String("account"),
                      QJsonObject{{QLatin1String("account_id"), profile->accountId},
                                  {QLatin1String("base_url"), profile->baseUrl},
                                  {QLatin1String("auto_fetch"), profile->autoFetch},
                                  {QLatin1String("timeout_ms"), profile->timeoutMs}});
    }
    return object;
}

// ---- import ----

// A rule's message names the endpoint ("endpoint staging: …"); the JSON path says that already.
QString withoutEndpointPrefix(const QString &problem, const QString &name)
{
    const QString prefix = QStringLiteral("endpoint %1: ").arg(name);
    return problem.startsWith(prefix) ? problem.mid(prefix.size()) : problem;
}

void readResponse(JsonFieldReader &endpoint, ResponseOverride *response)
{
    std::optional<JsonFieldReader> reader = endpoint.object("response");
    if (!reader)
        return;
    reader->onlyKnown({"status", "body", "body_base64", "delay_ms"});
    reader->readInt("status", 0, 999, &response->status);
    QString body;
    reader->readString("body", false, &body);
    response->body = body.toUtf8();
    if (reader->has("body_base64")) {
        if (reader->has("body"))
            reader->fail(QStringLiteral("body_base64"),
                         QStringLiteral("give either body or body_base64, not both"));
        QString encoded;
        reader->readString("body_base64", false, &encoded);
        const auto decoded = QByteArray::fromBase64Encoding(
            encoded.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            reader->fail(QStringLiteral("body_base64"), QStringLiteral("not valid base64"));
        response->body = decoded.decoded;
    }
    reader->readInt("delay_ms", 0, std::numeric_limits<int>::max(), &response->delayMs);
    endpoint.take(*reader);
    if (endpoint.failed())
        return;
    // The value rules live in Endpoint::check(); a probe with only this response asks it.
    Endpoint probe = Endpoint::defaultEndpoint();
    probe.response = *response;
    const QString problem = probe.check();
    if (!problem.isEmpty())
        endpoint.fail(QStringLiteral("response"), withoutEndpointPrefix(problem, probe.name));
}

void readForward(JsonFieldReader &endpoint, ForwardTarget *forward)
{
    std::optional<JsonFieldReader> reader = endpoint.object("forward");
    if (!reader)
        return;
    reader->onlyKnown({"url", "follow_answer", "timeout_ms"});
    QString url;
    reader->readString("url", false, &url);
    if (!url.isEmpty())
        forward->url = QUrl(url, QUrl::StrictMode);
    reader->readBool("follow_answer", &forward->followAnswer);
    reader->readInt("timeout_ms", 0, std::numeric_limits<int>::max(), &forward->timeoutMs);
    endpoint.take(*reader);
    if (endpoint.failed())
        return;
    const QString problem = forward->check();
    if (!problem.isEmpty())
        endpoint.fail(QStringLiteral("forward"), problem);
}

// Returns whether the endpoint has an "account".
bool readAccount(JsonFieldReader &endpoint, AccountProfile *profile)
{
    std::optional<JsonFieldReader> reader = endpoint.object("account");
    if (!reader)
        return false;
    reader->onlyKnown({"account_id", "base_url", "auto_fetch", "timeout_ms"});
    // VWO shows account ids as numbers; a number is taken as well as a string of digits.
    const QJsonValue id = reader->value("account_id", true);
    if (!reader->failed() && id.isDouble()) {
        qint64 number = 0;
        reader->readInteger("account_id", 1, qint64(1) << 53, &number);
        profile->accountId = QString::number(number);
    } else {
        reader->readString("account_id", true, &profile->accountId);
    }
    if (!reader->failed()) {
        const QString problem = SettingsUrl::checkAccountId(profile->accountId);
        if (!problem.isEmpty())
            reader->fail(QStringLiteral("account_id"), problem);
    }
    reader->readString("base_url", false, &profile->baseUrl);
    if (!reader->failed() && !profile->baseUrl.isEmpty()) {
        const QString problem = SettingsUrl::checkBaseUrl(profile->baseUrl);
        if (!problem.isEmpty())
            reader->fail(QStringLiteral("base_url"), problem);
    }
    reader->readBool("auto_fetch", &profile->autoFetch);
    reader->readInt("timeout_ms", 0, std::numeric_limits<int>::max(), &profile->timeoutMs);
    if (!reader->failed()) {
        const QString problem = profile->check();
        if (!problem.isEmpty())
            reader->fail(QStringLiteral("timeout_ms"), problem);
    }
    endpoint.take(*reader);
    return true;
}

QString readEndpoint(const QJsonValue &value, const QString &path, Endpoint *endpoint,
                     AccountProfile *profile, bool *hasProfile)
{
    if (!value.isObject())
        return QStringLiteral("%1: expected an object, got %2").arg(path, jsonTypeName(value));
    JsonFieldReader reader(value.toObject(), path);
    reader.onlyKnown({"name", "path", "port", "colour", "response", "forward", "account"});
    reader.readString("name", true, &endpoint->name);
    if (!reader.failed()) {
        const QString problem = webhookkey::checkEndpoint(endpoint->name);
        if (!problem.isEmpty())
            reader.fail(QStringLiteral("name"), problem);
    }
    reader.readString("path", true, &endpoint->path);
    if (!reader.failed()) {
        const QString problem = endpointrules::checkPath(endpoint->path);
        if (!problem.isEmpty())
            reader.fail(QStringLiteral("path"), problem);
    }
    qint64 port = 0;
    reader.readInteger("port", 0, 65535, &port);
    endpoint->port = quint16(port);
    reader.readString("colour", false, &endpoint->colour);
    static const QRegularExpression hexColour(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    if (!reader.failed() && !endpoint->colour.isEmpty() &&
        !hexColour.match(endpoint->colour).hasMatch())
        reader.fail(QStringLiteral("colour"),
                    QStringLiteral("'%1' is not of the form #rrggbb").arg(endpoint->colour));
    readResponse(reader, &endpoint->response);
    readForward(reader, &endpoint->forward);
    profile->endpoint = endpoint->name;
    *hasProfile = readAccount(reader, profile);
    if (reader.failed())
        return reader.error();
    // Anything the field checks above missed (they mirror Endpoint::check()).
    const QString problem = endpoint->check();
    return problem.isEmpty()
               ? QString()
               : path + QLatin1String(": ") + withoutEndpointPrefix(problem, endpoint->name);
}

QString syntaxError(const QByteArray &json, const QJsonParseError &parseError)
{
    const JsonParseError found = findJsonSyntaxError(json);
    if (found.isError())
        return QStringLiteral("not valid JSON: ") + found.toString();
    // Only QJsonDocument objected (e.g. nesting too deep): its offset, as line and column.
    const JsonPosition position = jsonTextPosition(json, parseError.offset);
    return QStringLiteral("not valid JSON: line %1, column %2: %3")
        .arg(position.line)
        .arg(position.column)
        .arg(parseError.errorString());
}

} // namespace

QByteArray exportEndpointConfiguration(const EndpointConfiguration &configuration)
{
    QHash<QString, const AccountProfile *> profiles;
    for (const AccountProfile &profile : configuration.profiles) {
        if (profile.isSet())
            profiles.insert(profile.endpoint, &profile);
    }
    QJsonArray endpoints;
    for (const Endpoint &endpoint : configuration.endpoints)
        endpoints.append(endpointObject(endpoint, profiles.value(endpoint.name)));
    const QJsonObject root{{QLatin1String("hookbench"), FormatName},
                           {QLatin1String("version"), FormatVersion},
                           {QLatin1String("endpoints"), endpoints}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString importEndpointConfiguration(const QByteArray &json, EndpointConfiguration *configuration)
{
    *configuration = EndpointConfiguration();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return syntaxError(json, parseError);
    if (!document.isObject())
        return QStringLiteral("top level: expected an object {\"hookbench\": \"endpoints\", "
                              "\"version\": 1, \"endpoints\": [...]}, got %1")
            .arg(document.isArray() ? QStringLiteral("an array") : QStringLiteral("a value"));
    JsonFieldReader root(document.object(), {});
    root.onlyKnown({"hookbench", "version", "endpoints"});
    QString kind;
    root.readString("hookbench", true, &kind);
    if (!root.failed() && kind != FormatName)
        root.fail(QStringLiteral("hookbench"),
                  QStringLiteral("expected \"endpoints\", got \"%1\": not an endpoint "
                                 "configuration")
                      .arg(kind));
    qint64 version = 0;
    if (!root.failed() && !root.has("version"))
        root.fail(QStringLiteral("version"), QStringLiteral("missing"));
    root.readInteger("version", 0, std::numeric_limits<int>::max(), &version);
    if (!root.failed() && version != FormatVersion)
        root.fail(QStringLiteral("version"),
                  QStringLiteral("version %1 is not supported; this Hookbench reads version %2")
                      .arg(version)
                      .arg(FormatVersion));
    const QJsonValue list = root.value("endpoints", true);
    if (!root.failed() && !list.isArray())
        root.fail(QStringLiteral("endpoints"),
                  QStringLiteral("expected an array, got %1").arg(jsonTypeName(list)));
    if (root.failed())
        return root.error();

    EndpointConfiguration read;
    QHash<QString, int> indexOf;
    const QJsonArray items = list.toArray();
    for (int i = 0; i < items.size(); ++i) {
        const QString path = QStringLiteral("endpoints[%1]").arg(i);
        Endpoint endpoint;
        AccountProfile profile;
        bool hasProfile = false;
        const QString error = readEndpoint(items.at(i), path, &endpoint, &profile, &hasProfile);
        if (!error.isEmpty())
            return error;
        const auto earlier = indexOf.constFind(endpoint.name);
        if (earlier != indexOf.cend())
            return QStringLiteral("%1.name: '%2' is already the name of endpoints[%3]")
                .arg(path, endpoint.name)
                .arg(*earlier);
        indexOf.insert(endpoint.name, i);
        read.endpoints.append(endpoint);
        // The first clash is reported where it appears: at the later endpoint.
        const QString clash = endpointrules::findClash(read.endpoints);
        if (!clash.isEmpty())
            return path + QLatin1String(".path: ") + clash;
        if (hasProfile)
            read.profiles.append(profile);
    }
    *configuration = read;
    return {};
}

} // namespace hookbench
