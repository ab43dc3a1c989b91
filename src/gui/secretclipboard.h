#pragma once

#include <QByteArray>
#include <QObject>
#include <QTimer>

namespace hookbench {

// Puts a secret on the clipboard and takes it off again after a while, but only if the
// clipboard still holds it: whatever the user copied since is left alone. Keeps a hash of the
// text, not the text, to make that comparison.
class SecretClipboard : public QObject
{
    Q_OBJECT
    Q_PROPERTY(int clearAfterMs READ clearAfterMs WRITE setClearAfterMs)
public:
    explicit SecretClipboard(QObject *parent = nullptr);
    ~SecretClipboard() override; // clears the clipboard if it still holds our secret

    int clearAfterMs() const { return m_clearAfterMs; }
    void setClearAfterMs(int ms) { m_clearAfterMs = ms; }
    bool isHolding() const { return m_timer.isActive(); } // a secret is waiting to be cleared

    void copy(const QByteArray &secret);

public Q_SLOTS:
    void clearIfOurs();

Q_SIGNALS:
    void cleared(); // the secret was taken off the clipboard

private:
    static QByteArray hash(const QString &text);

    int m_clearAfterMs = 30000;
    QByteArray m_hash;
    QTimer m_timer;
};

} // namespace hookbench
