#include "ratesparkline.h"

#include <QImage>
#include <QTest>

using namespace hookbench;

class TestRateSparkline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void countsRollIntoTicks()
    {
        RateSparkline spark;
        QVERIFY(spark.history().isEmpty());
        QCOMPARE(spark.rateText(), QStringLiteral("0/s"));
        spark.addEvents(3);
        spark.addEvents(4);
        spark.addEvents(-2);                // ignored
        QVERIFY(spark.history().isEmpty()); // not closed yet
        spark.tick();
        QCOMPARE(spark.history(), QList<int>{7});
        spark.tick(); // an idle second
        QCOMPARE(spark.history(), (QList<int>{7, 0}));
        QCOMPARE(spark.currentRate(), 0);
        QCOMPARE(spark.peakRate(), 7);
        spark.addEvents(1200);
        spark.tick();
        QCOMPARE(spark.rateText(), QStringLiteral("1,200/s"));
        QCOMPARE(spark.peakRate(), 1200);
    }

    void ringKeepsOneMinute()
    {
        RateSparkline spark;
        for (int i = 1; i <= 100; ++i) {
            spark.addEvents(i);
            spark.tick();
        }
        QCOMPARE(spark.history().size(), RateSparkline::HistorySeconds);
        QCOMPARE(spark.history().constFirst(), 41);
        QCOMPARE(spark.history().constLast(), 100);
        spark.clear();
        QVERIFY(spark.history().isEmpty());
    }

    void toolTip()
    {
        RateSparkline spark;
        spark.addEvents(9);
        spark.tick();
        spark.addEvents(2);
        spark.tick();
        spark.setTotal(12345);
        QCOMPARE(spark.total(), 12345);
        QCOMPARE(spark.toolTip(),
                 QStringLiteral("2 events/s now, peak 9/s in the last minute, total 12,345"));
    }

    void sizeHint()
    {
        RateSparkline spark;
        QCOMPARE(spark.sizeHint().width(), 120);
        QCOMPARE(spark.sizeHint().height(), spark.fontMetrics().height() + 4);
    }

    void renders()
    {
        RateSparkline spark;
        for (int count : {0, 5, 20, 3, 12, 40, 8}) {
            spark.addEvents(count);
            spark.tick();
        }
        spark.resize(spark.sizeHint());
        const QColor background(Qt::white);
        QImage image(spark.size(), QImage::Format_ARGB32);
        image.fill(background);
        spark.render(&image, QPoint(), QRegion(), QWidget::DrawChildren);
        int changed = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x)
                changed += image.pixelColor(x, y) != background;
        }
        QVERIFY2(changed > 50, qPrintable(QString::number(changed)));

        RateSparkline empty; // no history at all must paint too
        empty.resize(empty.sizeHint());
        QImage blank(empty.size(), QImage::Format_ARGB32);
        blank.fill(background);
        empty.render(&blank, QPoint(), QRegion(), QWidget::DrawChildren);
    }
};

QTEST_MAIN(TestRateSparkline)
#include "tst_ratesparkline.moc"
