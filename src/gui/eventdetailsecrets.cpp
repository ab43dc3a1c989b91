// EventDetailView: the x-vwo-auth secret — masked until revealed, fetched from the key ring
// when the log kept only its fingerprint — and "Copy as curl", which depends on it.
#include "eventdetailview.h"

#include "auth/keysecret.h"
#include "export/curlexport.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QPushButton>
#include <QTableWidget>

namespace hookbench {

namespace {

bool isSecretHeader(const QByteArray &name)
{
    return name.compare("x-vwo-auth", Qt::CaseInsensitive) == 0;
}

} // namespace

void EventDetailView::setSecretsRevealed(bool revealed)
{
    if (m_revealed == revealed)
        return;
    m_revealed = revealed;
    {
        const QSignalBlocker blocker(m_reveal);
        m_reveal->setChecked(revealed);
    }
    if (revealed && m_secretState == SecretState::Needed) {
        m_secretState = SecretState::Pending;
        Q_EMIT secretNeeded(m_event.id, m_secretKeyId);
    }
    fillHeaders();
}

void EventDetailView::resetSecret()
{
    m_revealed = false;
    {
        const QSignalBlocker blocker(m_reveal);
        m_reveal->setChecked(false);
    }
    m_secretError.clear();
    m_secretKeyId.clear();
    m_secretState = SecretState::Stored;
    // Only a matched key can be fetched: a refused value was never kept anywhere.
    if (m_event.auth != AuthOutcome::Ok || m_event.keyId.isEmpty())
        return;
    for (const auto &header : std::as_const(m_event.headers)) {
        if (isSecretHeader(header.first) &&
            webhookkey::redactedFingerprint(header.second) == m_event.keyId) {
            m_secretKeyId = m_event.keyId;
            m_secretState = SecretState::Needed;
        }
    }
}

void EventDetailView::provideSecret(qint64 eventId, const QString &keyId, const QByteArray &secret,
                                    const QString &error)
{
    if (m_secretState != SecretState::Pending || eventId != m_event.id || keyId != m_secretKeyId)
        return; // an answer for a request no longer shown
    if (!error.isEmpty() || secret.isEmpty()) {
        m_secretState = SecretState::Failed;
        m_secretError = error;
    } else {
        // Only this pane's copy: the stored event keeps its placeholder.
        m_secretState = SecretState::Loaded;
        for (auto &header : m_event.headers) {
            if (isSecretHeader(header.first))
                header.second = secret;
        }
    }
    fillHeaders();
}

QString EventDetailView::curlCommand() const
{
    if (!m_hasEvent)
        return {};
    CurlOptions options;
    options.baseUrl = m_baseUrl.toString(QUrl::StripTrailingSlash);
    options.revealSecrets = curlRevealsKey();
    return toCurl(m_event, options);
}

bool EventDetailView::curlRevealsKey() const
{
    // A placeholder is no key: until the real one is here, curl reads $VWO_AUTH.
    return m_revealed &&
           (m_secretState == SecretState::Stored || m_secretState == SecretState::Loaded);
}

void EventDetailView::copyAsCurl()
{
    if (!m_hasEvent)
        return;
    QGuiApplication::clipboard()->setText(curlCommand());
    Q_EMIT copied(curlRevealsKey() ? tr("Copied a curl command including the x-vwo-auth key")
                                   : tr("Copied a curl command; it reads the key from $VWO_AUTH"));
}

} // namespace hookbench
