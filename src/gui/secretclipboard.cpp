#include "secretclipboard.h"

#include <QClipboard>
#include <QCryptographicHash>
#include <QGuiApplication>

namespace hookbench {

SecretClipboard::SecretClipboard(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SecretClipboard::clearIfOurs);
}

SecretClipboard::~SecretClipboard()
{
    if (m_timer.isActive())
        clearIfOurs();
}

QByteArray SecretClipboard::hash(const QString &text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
}

void SecretClipboard::copy(const QByteArray &secret)
{
    const QString text = QString::fromLatin1(secret);
    QGuiApplication::clipboard()->setText(text);
    m_hash = hash(text);
    m_timer.start(m_clearAfterMs);
}

void SecretClipboard::clearIfOurs()
{
    m_timer.stop();
    if (m_hash.isEmpty())
        return;
    QClipboard *clipboard = QGuiApplication::clipboard();
    const bool ours = hash(clipboard->text()) == m_hash;
    m_hash.clear();
    if (ours) {
        clipboard->clear();
        Q_EMIT cleared();
    }
}

} // namespace hookbench
