#include "settingsurl.h"

#include <QRandomGenerator>

namespace hookbench {

namespace {

constexpr int MaxSdkKeyLength = 512;
constexpr int MaxAccountIdLength = 20;

QByteArray encoded(const QString &value)
{
    // Everything but unreserved characters: '+', '&', '=' and '%' in a key stay literal.
    return QUrl::toPercentEncoding(value);
}

} // namespace

QUrl SettingsUrl::defaultBaseUrl()
{
    return QUrl(QLatin1String(DefaultBase));
}

QString SettingsUrl::pathFor(SettingsPath path)
{
    return path == SettingsPath::Pull ? QStringLiteral("/server-side/pull")
                                      : QStringLiteral("/server-side/settings");
}

QString SettingsUrl::checkBaseUrl(const QString &baseUrl, QUrl *normalized)
{
    const QString text = baseUrl.trimmed();
    if (text.isEmpty())
        return tr("the base URL is empty");
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        // Qt appends the source and its parts after a ';': the first part says it.
        return tr("the base URL is not a valid URL (%1)")
            .arg(url.errorString().section(QLatin1Char(';'), 0, 0));
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return tr("the base URL must start with https:// or http://");
    if (url.host().isEmpty())
        return tr("the base URL has no host");
    if (!url.userInfo().isEmpty())
        return tr("the base URL must not contain a user name or password");
    if (url.hasQuery())
        return tr("the base URL must not have a query (?…)");
    if (url.hasFragment())
        return tr("the base URL must not have a fragment (#…)");
    if (normalized) {
        QUrl clean = url;
        QString path = clean.path(QUrl::FullyEncoded);
        while (path.endsWith(QLatin1Char('/')))
            path.chop(1);
        clean.setPath(path, QUrl::StrictMode);
        *normalized = clean;
    }
    return {};
}

QString SettingsUrl::checkAccountId(const QString &accountId)
{
    if (accountId.isEmpty())
        return tr("the account id is empty");
    for (int i = 0; i < accountId.size(); ++i) {
        const QChar c = accountId.at(i);
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return tr("the account id must be digits only (character %1 is \"%2\")")
                .arg(i + 1)
                .arg(c);
    }
    if (accountId.size() > MaxAccountIdLength)
        return tr("the account id is longer than %1 digits").arg(MaxAccountIdLength);
    return {};
}

QString SettingsUrl::checkSdkKey(const QString &sdkKey)
{
    if (sdkKey.isEmpty())
        return tr("the SDK key is empty");
    if (sdkKey.size() > MaxSdkKeyLength)
        return tr("the SDK key is longer than %1 characters").arg(MaxSdkKeyLength);
    // Positions only: the key itself is a credential.
    for (int i = 0; i < sdkKey.size(); ++i) {
        const char16_t c = sdkKey.at(i).unicode();
        if (QChar::isSpace(c))
            return tr("the SDK key contains whitespace (character %1)").arg(i + 1);
        if (c < 0x21 || c > 0x7e)
            return tr("the SDK key contains a character that is not printable ASCII "
                      "(character %1)")
                .arg(i + 1);
    }
    return {};
}

QUrl SettingsUrl::build(const QString &baseUrl, SettingsPath path, const QString &accountId,
                        const QString &sdkKey, QString *error)
{
    return build(baseUrl, path, accountId, sdkKey, QRandomGenerator::global()->generateDouble(),
                 error);
}

QUrl SettingsUrl::build(const QString &baseUrl, SettingsPath path, const QString &accountId,
                        const QString &sdkKey, double random, QString *error)
{
    QUrl url;
    QString problem =
        checkBaseUrl(baseUrl.trimmed().isEmpty() ? QLatin1String(DefaultBase) : baseUrl, &url);
    if (problem.isEmpty())
        problem = checkAccountId(accountId);
    if (problem.isEmpty())
        problem = checkSdkKey(sdkKey);
    if (error)
        *error = problem;
    if (!problem.isEmpty())
        return {};

    url.setPath(url.path(QUrl::FullyEncoded) + pathFor(path), QUrl::StrictMode);
    const QByteArray query = "a=" + encoded(accountId) + "&i=" + encoded(sdkKey) +
                             "&r=" + QByteArray::number(random, 'f', 16) +
                             "&platform=server&api-version=1&sdk=hookbench&sdk-v=" +
                             encoded(QStringLiteral(HOOKBENCH_VERSION));
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return url;
}

QUrl SettingsUrl::redacted(const QUrl &url)
{
    QUrl out = url;
    out.setPassword(QString());
    if (!url.hasQuery())
        return out;
    QStringList items = url.query(QUrl::FullyEncoded).split(QLatin1Char('&'));
    for (QString &item : items) {
        const QString key = item.section(QLatin1Char('='), 0, 0);
        if (QUrl::fromPercentEncoding(key.toLatin1()) == QLatin1String("i"))
            item = QLatin1String("i=") + QLatin1String(RedactedKey);
    }
    out.setQuery(items.join(QLatin1Char('&')), QUrl::StrictMode);
    return out;
}

QString SettingsUrl::redactedString(const QUrl &url)
{
    return QString::fromLatin1(redacted(url).toEncoded());
}

} // namespace hookbench
