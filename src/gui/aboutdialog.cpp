#include "aboutdialog.h"

#include "appicon.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>

namespace hookbench {

namespace {
const QLatin1String LicenceUrl("https://www.gnu.org/licenses/gpl-3.0.html");
const QLatin1String WebhooksUrl("https://developers.vwo.com/docs/nodejs-configure-webhooks");
const QLatin1String ProductUpdateUrl("https://vwo.com/product-updates/"
                                     "configure-webhooks-in-vwo-fullstack-to-fetch-the-latest-"
                                     "campaign-settings");

QString link(const QString &url, const QString &text)
{
    return QStringLiteral("<a href=\"%1\">%2</a>").arg(url, text.toHtmlEscaped());
}
} // namespace

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Hookbench"));
    setObjectName(QStringLiteral("aboutDialog"));

    auto *icon = new QLabel(this);
    const int iconSize = fontMetrics().height() * 4;
    icon->setPixmap(appIcon().pixmap(iconSize, iconSize));
    icon->setAlignment(Qt::AlignHCenter);

    auto *title = new QLabel(QStringLiteral("<h2>Hookbench</h2>"), this);
    title->setAlignment(Qt::AlignHCenter);
    auto *version = new QLabel(versionText(), this);
    version->setObjectName(QStringLiteral("aboutVersion"));
    version->setAlignment(Qt::AlignHCenter);
    version->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *description = new QLabel(
        tr("A desktop workbench for VWO FullStack webhooks: receive and inspect them, keep every "
           "version of the settings file and compare them, manage webhook keys and send test "
           "webhooks."),
        this);
    description->setWordWrap(true);
    description->setAlignment(Qt::AlignHCenter);

    auto *licence = new QLabel(
        tr("Copyright © 2026 the Hookbench developers.<br>Free software under the %1: you may "
           "share and change it under its terms. It comes with no warranty.")
            .arg(link(LicenceUrl, tr("GNU General Public License, version 3 or later"))),
        this);
    licence->setObjectName(QStringLiteral("aboutLicence"));
    licence->setWordWrap(true);
    licence->setAlignment(Qt::AlignHCenter);
    licence->setOpenExternalLinks(true);

    auto *links = new QLabel(tr("VWO on webhooks: %1 · %2")
                                 .arg(link(WebhooksUrl, tr("Configure webhooks")),
                                      link(ProductUpdateUrl, tr("Why webhooks"))),
                             this);
    links->setObjectName(QStringLiteral("aboutLinks"));
    links->setAlignment(Qt::AlignHCenter);
    links->setOpenExternalLinks(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    for (QWidget *widget : {static_cast<QWidget *>(icon), static_cast<QWidget *>(title),
                            static_cast<QWidget *>(version), static_cast<QWidget *>(description),
                            static_cast<QWidget *>(licence), static_cast<QWidget *>(links)})
        layout->addWidget(widget);
    layout->addSpacing(fontMetrics().height() / 2);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
}

QString AboutDialog::versionText()
{
    return tr("Version %1 (Qt %2)")
        .arg(QStringLiteral(HOOKBENCH_VERSION), QString::fromLatin1(qVersion()));
}

} // namespace hookbench
