// MainWindow: the empty log while listening is the welcome view (issue 9): the URL, a curl
// command, one click to send a test webhook, and how to let VWO reach a desktop.
#include "mainwindow.h"

#include "auth/keyring.h"
#include "eventtableview.h"
#include "placeholderwidget.h"
#include "sender/outgoingrequest.h"
#include "sender/requestsender.h"
#include "sender/vwopayload.h"

#include <QDateTime>
#include <QPointer>
#include <QStatusBar>

namespace hookbench {

namespace {
constexpr int TestTimeoutMs = 10000;
} // namespace

QString MainWindow::tunnelGuidance() const
{
    return tr("<b>VWO cannot reach 127.0.0.1.</b> To receive VWO's own webhooks on this "
              "desktop, expose the receiver through a tunnel, e.g. <code>ngrok http %1</code> "
              "or <code>cloudflared tunnel --url http://127.0.0.1:%1</code>, and enter the "
              "tunnel's https address followed by <code>%2</code> as the webhook URL in VWO "
              "(FullStack &gt; Projects &gt; your environment), with a secret key from "
              "Receiver &gt; Webhook Keys (Ctrl+Shift+K).")
        .arg(m_url.port())
        .arg(m_url.path().toHtmlEscaped());
}

void MainWindow::sendWelcomeWebhook()
{
    if (m_state != State::Listening || (m_welcomeSender && m_welcomeSender->isBusy()))
        return;
    if (!m_welcomeSender) {
        m_welcomeSender = new RequestSender(this);
        connect(m_welcomeSender, &RequestSender::finished, this, [this](const SendResult &result) {
            statusBar()->showMessage(
                result.answered()
                    ? tr("Test webhook sent: the receiver answered %1").arg(result.status)
                    : tr("The test webhook was not answered: %1").arg(result.error),
                8000);
        });
    }
    const QUrl url = m_url;
    const auto send = [this, url](const QByteArray &key) {
        OutgoingRequest request;
        request.url = url;
        request.headers = {
            {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
        if (!key.isEmpty())
            request.headers.append({QByteArrayLiteral("x-vwo-auth"), key});
        request.body = VwoPayload::templateBody(QDateTime::currentSecsSinceEpoch());
        m_welcomeSender->send(request, TestTimeoutMs);
    };
    // Signed with the endpoint's primary key, as VWO would, so that it is accepted.
    const auto primary =
        m_keyRing ? m_keyRing->primaryKey(m_config.endpoint) : std::optional<KeyInfo>();
    if (!primary) {
        send({});
        return;
    }
    QPointer<MainWindow> self(this);
    m_keyRing->reveal(primary->id, [self, send](const KeyRing::Result &result) {
        if (!self)
            return;
        if (!result.error.isEmpty()) {
            self->statusBar()->showMessage(
                tr("The test webhook was not sent: its key could not be read: %1")
                    .arg(result.error),
                8000);
            return;
        }
        send(result.secret);
    });
}

} // namespace hookbench
