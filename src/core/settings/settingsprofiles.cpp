// SettingsVersionStore: the account profiles.

#include "settingsversionsql.h"
#include "settingsversionstore.h"

#include <QSqlError>
#include <QSqlQuery>

namespace hookbench {

using namespace settingssql;

QString SettingsVersionStore::profile(const QString &endpoint, AccountProfile *profile) const
{
    *profile = AccountProfile();
    profile->endpoint = endpoint;
    if (!isOpen())
        return m_session.notOpen();
    QSqlQuery query(m_session.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT account_id, base_url, auto_fetch, timeout_ms"
                                 " FROM settings_profiles WHERE endpoint = ?"));
    query.addBindValue(endpoint);
    if (!query.exec())
        return m_session.describe(query.lastError());
    if (query.next()) {
        profile->accountId = query.value(0).toString();
        profile->baseUrl = query.value(1).toString();
        profile->autoFetch = query.value(2).toBool();
        profile->timeoutMs = query.value(3).toInt();
    }
    return {};
}

QString SettingsVersionStore::saveProfile(const AccountProfile &profile)
{
    if (profile.endpoint.isEmpty())
        return QStringLiteral("an account profile needs an endpoint");
    const QString problem = profile.check();
    if (!problem.isEmpty())
        return problem;
    QSqlQuery query(m_session.database());
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO settings_profiles"
                                 " (endpoint, account_id, base_url, auto_fetch, timeout_ms)"
                                 " VALUES (?, ?, ?, ?, ?)"));
    query.addBindValue(profile.endpoint);
    query.addBindValue(profile.accountId);
    query.addBindValue(text(profile.baseUrl));
    query.addBindValue(profile.autoFetch ? 1 : 0);
    query.addBindValue(profile.timeoutMs);
    return query.exec() ? QString() : m_session.describe(query.lastError());
}

} // namespace hookbench
