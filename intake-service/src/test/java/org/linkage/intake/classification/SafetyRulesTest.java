package org.linkage.intake.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The safety rules: danger is never NON_POLICE, negation only cancels what it tightly scopes, silence is INVALID. */
class SafetyRulesTest {

    static final Classifier CLASSIFIER = Classifiers.loadDefault();

    private static Classification classify(String text) {
        return CLASSIFIER.classify(null, text);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            楼下有两个人在打架                              | POLICE | PUBLIC_ORDER
            他拿着菜刀站在我家门口                          | POLICE | CRIME
            我妈刚才接了个电话被骗了两万                    | POLICE | FRAUD
            我儿子在游乐场走丢了                            | POLICE | MISSING_PERSON
            孩子放学到现在还没回来，电话也打不通            | POLICE | MISSING_PERSON
            厨房着火了                                      | POLICE | DANGER_TO_LIFE
            我同事说他不想活了                              | POLICE | DANGER_TO_LIFE
            我家里进贼了东西被偷了                          | POLICE | CRIME
            前面路口两辆车撞车了，没人受伤                  | POLICE | TRAFFIC_ACCIDENT
            有人受伤吗？不知道，反正打得很凶                | POLICE | DANGER_TO_LIFE
            没有打架，但是他手里拿着刀                      | POLICE | CRIME
            不是没人受伤，是有个人头破了                    | POLICE | DANGER_TO_LIFE
            有没有人受伤我也不清楚                          | POLICE | DANGER_TO_LIFE
            没人受伤吧？                                    | POLICE | DANGER_TO_LIFE
            there is a man with a knife in the lobby        | POLICE | CRIME
            """)
    void dangerIsPolice(String text, Disposition disposition, String category) {
        Classification c = classify(text);
        assertEquals(disposition, c.disposition(), () -> text + " " + c.signals());
        assertEquals(category, c.categoryCode(), () -> text + " " + c.signals());
        assertTrue(c.signals().stream().anyMatch(s -> s.startsWith("危险:")), () -> "no danger signal in " + c.signals());
    }

    @ParameterizedTest(name = "{0} -> JOINT {1}")
    @CsvSource(delimiter = '|', textBlock = """
            老板拖欠工资，工人和老板打起来了                | WAGES
            楼上装修噪音太大，我上去说他就动手打人          | NOISE
            让他挪车他不挪，还拿棍子威胁我                  | BLOCKED_CAR
            摆摊的和城管打起来了，有人受伤                  | CITY
            """)
    void dangerWithANonPoliceSubstanceIsJoint(String text, String category) {
        Classification c = classify(text);
        assertEquals(Disposition.JOINT, c.disposition(), () -> text + " " + c.signals());
        assertEquals(category, c.categoryCode(), () -> text + " " + c.signals());
        assertTrue(c.signals().stream().anyMatch(s -> s.startsWith("警情:")), () -> "no police category in " + c.signals());
    }

    @ParameterizedTest(name = "{0} -> NON_POLICE {1}")
    @CsvSource(delimiter = '|', textBlock = """
            老板拖欠我三个月工资不给                        | WAGES
            楼上天天半夜很吵，睡不着                        | NOISE
            有辆车挡住我家车库出不去了，请帮忙联系挪车      | BLOCKED_CAR
            我们小区停水两天了                              | UTILITIES
            楼上太吵了，我们没有打架，就是想让他小声点      | NOISE
            没人受伤，就是一辆车堵住我的车了                | BLOCKED_CAR
            家里天然气灶打不着火了                          | UTILITIES
            老板欠薪，请打我电话联系                        | WAGES
            nobody is hurt, someone is blocking my car      | BLOCKED_CAR
            """)
    void nonPoliceMattersAreDiverted(String text, String category) {
        Classification c = classify(text);
        assertEquals(Disposition.NON_POLICE, c.disposition(), () -> text + " " + c.signals());
        assertEquals(category, c.categoryCode(), () -> text + " " + c.signals());
        assertTrue(c.signals().stream().anyMatch(s -> s.startsWith("类别:" + category)), () -> c.signals().toString());
    }

    @Test
    void aDenialIsReportedAsASignal() {
        Classification c = classify("楼上太吵了，我们没有打架，就是想让他小声点");
        assertTrue(c.signals().contains("否定:没有打架"), c.signals()::toString);
        assertTrue(c.signals().contains("事项:太吵"), c.signals()::toString);
    }

    @Test
    void negationOnlyCancelsTheCueItScopes() {
        // 没有受伤 cancels 受伤 only; 车祸 and 砍 remain
        assertNotEquals(Disposition.NON_POLICE, classify("出了车祸，没有受伤").disposition());
        assertNotEquals(Disposition.NON_POLICE, classify("他没有受伤，但是拿刀子砍了我的门").disposition());
        // a negation far away, or in another clause, does not reach the cue
        assertNotEquals(Disposition.NON_POLICE, classify("没想到他会打人").disposition());
        assertNotEquals(Disposition.NON_POLICE, classify("没事，就是有人在砸车").disposition());
    }

    @ParameterizedTest
    @ValueSource(strings = {"喂喂，喂？没人说话", "测试", "测试一下", "打错了，不好意思", "嗯嗯啊啊", "......", "？？？", "", "   ",
            "sorry wrong number", "hello? hello?", "小孩乱按的"})
    void silentPrankAndTestCallsAreInvalid(String text) {
        Classification c = classify(text);
        assertEquals(Disposition.INVALID, c.disposition(), () -> "'" + text + "' " + c.signals());
        assertEquals("OTHER", c.categoryCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"测试一下，我家停水了", "喂喂，有人在打架", "打错了吗？我被人打了", "喂，我要报警"})
    void contentOrDangerIsNeverInvalid(String text) {
        assertNotEquals(Disposition.INVALID, classify(text).disposition(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // a dismissal word must not dismiss a call that denies it, asks for the police, or carries distress
            "不是恶作剧，我家里进了人", "打错了，不对，没打错，我们这有人晕了", "我要报警，这不是开玩笑，有个男的一直在我家门口转",
            "我不是在测试，快派警察来", "嘻嘻，我爸爸喝醉了在打妈妈", "无人应答，背景有女人在哭", "电话里小孩声音，说妈妈不动了",
            "小孩声音：妈妈睡着了叫不应",
            // ... nor does anything said after it
            "拨错号了，我胸口好痛", "拨错号码，我爸突然倒地了", "拨错号了，喂，我喘不上气", "发错了，有烟", "打错后我越想越怕",
            // and a smell that sounds like pollution does not hide a gas or CO emergency
            "实验室里有刺鼻的气体泄漏，有人倒下了", "家里有刺鼻的气味，人头晕想吐", "屋里好刺鼻，孩子叫不醒",
            "隔壁一股刺鼻的味道，好像有人在烧炭", "车库里一辆车一直开着排气，里面好像有人", "工厂刺鼻气体泄漏，工人倒下了",
            "排气管冒火了"})
    void aPoliceMatterIsNeitherDismissedNorDiverted(String text) {
        Classification c = classify(text);
        assertNotEquals(Disposition.INVALID, c.disposition(), () -> text + " " + c.signals());
        assertNotEquals(Disposition.NON_POLICE, c.disposition(), () -> text + " " + c.signals());
    }

    /** A finding that there is nothing to report dismisses a short call wherever it stands (issue 15). */
    @ParameterizedTest
    @ValueSource(strings = {"对不起，娃娃拿我手机在耍", "系小孩玩耍父母手机误拨110，无警情，已对家长进行教育",
            "口袋误拨，听到走路声", "我就是想找个人摆龙门阵", "我要报警！……骗你的，哈哈哈"})
    void aFindingOfNoMatterIsInvalid(String text) {
        Classification c = classify(text);
        assertEquals(Disposition.INVALID, c.disposition(), () -> text + " " + c.signals());
    }

    /** ... but any trace of danger, a request for the police, or a denial keeps the call with 110. */
    @ParameterizedTest
    @ValueSource(strings = {"娃娃拿我手机在耍，突然听到他在喊救命", "口袋误拨，听到有人在喊打人了", "无警情？他刚才拿刀砍人了",
            "不是在玩手机，我真的被人跟踪了", "系小孩玩耍手机误拨，但家中老人晕倒在地", "小孩在玩电话，我要报警"})
    void aFindingOfNoMatterNeverDismissesDanger(String text) {
        Classification c = classify(text);
        assertNotEquals(Disposition.INVALID, c.disposition(), () -> text + " " + c.signals());
        assertNotEquals(Disposition.NON_POLICE, c.disposition(), () -> text + " " + c.signals());
    }

    /** Short spoken 12345 complaints get a 12345 category instead of "不确定" (issue 15). */
    @ParameterizedTest
    @ValueSource(strings = {"电动车充电桩坏了好几天了", "小区里头流浪狗好多，晚上叫得很，娃娃都怕", "学校又要收资料费，一学期三百",
            "路边的树枝挡到我家窗子了，喊人来修剪下"})
    void shortSpokenComplaintsAreDiverted(String text) {
        Classification c = classify(text);
        assertEquals(Disposition.NON_POLICE, c.disposition(), () -> text + " " + c.signals());
    }

    /** A danger character inside a harmless word does not count; the same character outside it still does. */
    @ParameterizedTest
    @ValueSource(strings = {"楼下麻将馆天天打到凌晨，吵死人", "电脑中毒了，杀毒软件收了钱又用不到，要退款", "打折卡说永久有效，现在店说作废了要退款",
            "来电人反映小区外墙瓷砖脱落，担心砸到人，要求维修", "想问问那个枪支模型玩具，给娃娃买合不合法，商家说不退货"})
    void aDangerCharacterInsideAHarmlessWordDoesNotCount(String text) {
        Classification c = classify(text);
        assertTrue(c.signals().stream().noneMatch(s -> s.startsWith("危险:")), () -> text + " " + c.signals());
    }

    @ParameterizedTest
    @ValueSource(strings = {"火锅店里起火了", "刀削面馆老板拿刀砍人", "吵死人了，他们还打起来了", "民警到场后了解，双方发生冲突，有人砸坏了窗户",
            "炸鸡店门口有人被打", "楼上火灾"})
    void theSameCharactersOutsideAHarmlessWordStillCount(String text) {
        Classification c = classify(text);
        assertNotEquals(Disposition.INVALID, c.disposition(), () -> text + " " + c.signals());
        assertNotEquals(Disposition.NON_POLICE, c.disposition(), () -> text + " " + c.signals());
    }

    /** Words that look like danger in an ordinary 12345 call: no danger cue may fire (the call may still be unclear). */
    @ParameterizedTest
    @ValueSource(strings = {"楼下饭馆油烟好大", "我把钥匙锁在屋里了", "共享单车停得歪歪扭扭", "公积金账户怎么解冻",
            "楼上装修把我家天花板砸破了", "公交车开得太猛，车上老人都站不稳", "邻居老是蹭我家wifi", "修路把光缆打断了",
            "物业把我踢出业主群了", "物业把我们的电话打了十几遍", "凳子腿断了，商家不退", "外卖平台的工资不能提现",
            "物业说一直跟着在处理", "楼上小孩天天尖叫，吵得睡不着"})
    void harmlessLookAlikesFireNoDangerCue(String text) {
        Classification c = classify(text);
        assertTrue(c.signals().stream().noneMatch(sig -> sig.startsWith("危险:") && !sig.startsWith("危险:模型")),
                () -> text + " " + c.signals());
    }

    /** A call-taker's note of a silent line: the caller may be unable to speak, so 110 keeps it and calls back. */
    @ParameterizedTest
    @ValueSource(strings = {"来电无人应答，约半分钟后挂断。", "接通后对方不出声，只有喘气声，随后挂断。", "来电无人说话，回拨无人接听"})
    void aSilentLineIsNeitherDismissedNorDiverted(String text) {
        Classification c = classify(text);
        assertEquals(Disposition.POLICE, c.disposition(), () -> text + " " + c.signals());
    }

    /** Invalid calls in words no phrase list has: the invalid-call model recognises them. */
    @ParameterizedTest
    @ValueSource(strings = {"哥 你帮我问下今天晚上的球赛几点开始嘛", "我就是想看下你们是不是真人接的 嘿嘿", "喂 是肯德基吗 我要订个全家桶"})
    void theInvalidCallModelRecognisesCallsWithNothingToReport(String text) {
        Classification c = classify(text);
        assertEquals(Disposition.INVALID, c.disposition(), () -> text + " " + c.signals());
        assertTrue(c.signals().get(0).startsWith("无效:模型"), c.signals()::toString);
    }

    /**
     * A caller who asks to report is never dismissed by the invalid-call model, however empty the rest sounds: the
     * matter may not have been said yet. Main dismissed each of these at model 0.97–1.00 before the REPORT cues.
     */
    @ParameterizedTest
    @ValueSource(strings = {"110吗？我想报警", "是不是110？我要报警", "喂？我要报警", "是110吗？我要报个警", "你好，我想报个警，喂？",
            "请出警"})
    void aCallerWhoAsksToReportIsNeverDismissed(String text) {
        Classification c = classify(text);
        assertEquals(Disposition.POLICE, c.disposition(), () -> text + " " + c.signals());
    }

    /** ... unless the caller takes the request back in their own words: a prank owned up to is still dismissed. */
    @ParameterizedTest
    @ValueSource(strings = {"我要报警，有外星人……哈哈哈哈，开玩笑的，我们几个在寝室打赌，对不起哈对不起。"})
    void aRequestToReportTakenBackIsStillDismissed(String text) {
        Classification c = classify(text);
        assertEquals(Disposition.INVALID, c.disposition(), () -> text + " " + c.signals());
    }

    /**
     * What follows a dismissal decides, not the dismissal words (the model is sure of "打错了" whatever comes next):
     * distress after it, or a 12345 matter, keeps the call.
     */
    @ParameterizedTest
    @ValueSource(strings = {"按错了 ……我头好晕", "打错了，不过我屋头外面有个人一直在敲门", "发错了，有烟", "打错后我越想越怕"})
    void distressAfterADismissalIsNeverDismissed(String text) {
        Classification c = classify(text);
        assertEquals(Disposition.POLICE, c.disposition(), () -> text + " " + c.signals());
    }

    /** An officer hands the rest of the matter to 12345: with the danger gone it is diverted, with danger it is joint. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            民警到场后了解，双方因停车位争执，已劝离，无人受伤，车位问题需12345协调物业。       | NON_POLICE
            民警到场后了解，报警人被邻居推倒致手臂擦伤，邻居已被带离，噪音问题需12345跟进。     | JOINT
            """)
    void aHandOverTo12345NamesAMatter(String text, Disposition disposition) {
        Classification c = classify(text);
        assertEquals(disposition, c.disposition(), () -> text + " " + c.signals());
        assertTrue(c.signals().stream().anyMatch(s -> s.startsWith("转办:")), c.signals()::toString);
    }

    /** Set 8: people kept in (a detention) and a man who keeps coming back to a woman's door stay with 110. */
    @ParameterizedTest
    @ValueSource(strings = {"补习班老板把门锁起来不准家长出去，关了快一个小时了", "装修公司的人把我们关在办公室不让走，要我们签字",
            "他们把门反锁了不让我出来，要我先交钱", "有个陌生人这几天晚上老在我家门口徘徊，我一个人住，好怕",
            "物业不管事，那个男的连着三晚蹲守在我楼下，盯着我家窗户看", "投诉小区门禁坏了，有个人天天跟着我进单元门，昨晚还敲我家门",
            "我独居，前几天那个人又来了，一直站在对面楼盯着我", "我女儿十六岁，昨晚放学后未回家，电话关机"})
    void detentionAndStalkingAreNeverDiverted(String text) {
        Classification c = classify(text);
        assertNotEquals(Disposition.INVALID, c.disposition(), () -> text + " " + c.signals());
        assertNotEquals(Disposition.NON_POLICE, c.disposition(), () -> text + " " + c.signals());
        assertTrue(c.signals().stream().anyMatch(s -> s.startsWith("危险:") && !s.startsWith("危险:模型")), c.signals()::toString);
    }

    /** Set 8: goods, price words and idioms with danger words in them, and injuries long past now to be paid for. */
    @ParameterizedTest
    @ValueSource(strings = {"在超市买了一把菜刀，用一次就断了，要退货", "直播间说是骨折价，到手价格不一样", "商场搞爆炸价活动，结账的时候又不认",
            "快递丢了，快递员打死都不承认，要投诉", "前年在商场摔伤了腰，当时骨折了，商场到现在都不赔"})
    void everydayWordsAndPastInjuriesAreDiverted(String text) {
        Classification c = classify(text);
        assertEquals(Disposition.NON_POLICE, c.disposition(), () -> text + " " + c.signals());
    }

    /** ... but the same words meaning danger, or an injury happening now, or violence long past, still count. */
    @ParameterizedTest
    @ValueSource(strings = {"他手里拿着菜刀在楼道里追人", "他说要把我打死，现在在门口", "上个月摔伤的地方今天又骨折了，动不了",
            "我上周摔伤了，现在伤口还在流血化脓，要物业赔", "上个月我被他砍伤了，现在他还不赔钱", "去年他打伤了我，刚刚又把我推倒了，要他赔"})
    void dangerWordsInTheirOwnSenseStillCount(String text) {
        Classification c = classify(text);
        assertNotEquals(Disposition.INVALID, c.disposition(), () -> text + " " + c.signals());
        assertNotEquals(Disposition.NON_POLICE, c.disposition(), () -> text + " " + c.signals());
    }

    /**
     * An officer's report that quotes a danger and refutes it, or closes it, then hands the rest to 12345 is a 12345
     * matter; a real assault, a refutation that confirms it (系属实) or names who did it, or any other danger word, is not.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            经民警核实，报警人所称有人打架系邻里因占道口角，无肢体接触，占道问题需12345城管跟进。 | NON_POLICE
            民警到场后了解，报警人上周被打一事已调解结案，现要求物业赔偿损失，需12345跟进。     | NON_POLICE
            经现场核实，村民聚集反映征地补偿，现场秩序正常，无过激行为，征地问题需12345跟进。   | NON_POLICE
            民警到场后了解，双方因停车问题发生互殴，一人头部受伤送医，停车问题需12345跟进。     | JOINT
            民警到场后了解，报警人所称打人者系其邻居，现已离开，噪音问题需12345跟进。          | JOINT
            经核实，报警人所称被人持刀威胁系属实，嫌疑人已离开，欠薪问题需12345跟进。          | JOINT
            民警到场了解，报警人所称被人打系双方推搡口角，其中一人头部流血已送医，停车问题需12345跟进。 | JOINT
            民警到场后了解，业主聚集反映交房问题，有人砸了售楼部玻璃，现场秩序正常，需12345跟进。 | JOINT
            """)
    void aReportThatSettlesTheDangerItQuotesIsA12345Matter(String text, Disposition disposition) {
        Classification c = classify(text);
        assertEquals(disposition, c.disposition(), () -> text + " " + c.signals());
    }

    /** Short everyday questions on which the danger model is silent go to 12345; short calls it hears something in do not. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            来电人称购买的二手房存在产权问题，中介不负责        | NON_POLICE
            小区里有好多刘浪狗，晚上叫，还追娃娃，有没有人来管一下 | NON_POLICE
            我的狗丢了                                  | NON_POLICE
            我女儿 十四岁 说放学去同学家 同学说根本没来 现在晚上十一点了 电话打不通 | POLICE
            举报：XX酒吧包间有人兜售“奶茶包”“开心水”，200一包，今晚还在卖。 | POLICE
            """)
    void aQuietShortCallIsDivertedAtALowerBar(String text, Disposition disposition) {
        Classification c = classify(text);
        assertEquals(disposition, c.disposition(), () -> text + " " + c.signals());
    }

    /** A prank that quotes a danger and then owns up to it, explicitly and last, is invalid; any doubt keeps it. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            喂，我家里着火了……哈哈骗你的，跟同学打赌的       | INVALID
            有人打架了，哈哈开玩笑的                        | INVALID
            有人拿刀砍我……开玩笑的……救命                  | POLICE
            我被绑架了，不是开玩笑的                        | POLICE
            开玩笑的，我家里着火了                          | POLICE
            我被人打了，开玩笑的，我要报警                  | POLICE
            """)
    void aPrankIsInvalidOnlyWhenTheRetractionIsExplicitAndLast(String text, Disposition disposition) {
        Classification c = classify(text);
        assertEquals(disposition, c.disposition(), () -> text + " " + c.signals());
    }

    /**
     * A trace of danger in how the call sounds keeps it with 110 whatever else is said, also for the cue lexicon alone
     * (the danger model hears these too; the rule must not depend on it).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"喂……我打错了……(哭声)……没事……", "来电人称打错了 但声音颤抖 背景有争吵声",
            "没事没事 我按错了……其实他就在旁边", "测试一下 不方便说话", "不好意思打错了 背景有男子在吼"})
    void aTraceOfDangerIsNeverDismissed(String text) {
        for (Classifier classifier : List.of(CLASSIFIER, DangerModelTest.CUES_ONLY)) {
            Classification c = classifier.classify(null, text);
            assertEquals(Disposition.POLICE, c.disposition(), () -> text + " " + c.signals());
        }
        Classification cuesOnly = DangerModelTest.CUES_ONLY.classify(null, text);
        assertTrue(cuesOnly.signals().get(0).startsWith("迹象:"), cuesOnly.signals()::toString);
    }

    /** Words of a struggle, and a break-in announced after a dismissal, are danger words. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"别 别过来 你放开我 喂 喂", "喂 口袋误拨……等下 外面好像有人在撬我的门", "住手 不要碰我"})
    void aStruggleIsPolice(String text) {
        Classification c = classify(text);
        assertEquals(Disposition.POLICE, c.disposition(), () -> text + " " + c.signals());
        assertTrue(c.signals().get(0).startsWith("危险:") && !c.signals().get(0).startsWith("危险:模型"), c.signals()::toString);
    }

    /** What a dispute that turned violent was about stays as the 12345 part of the call (JOINT, not POLICE only). */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            楼下烧烤摊的人喝醉了 我喊他小声一点 他们冲上楼来踹我屋门 | NOISE
            那个狗主人 他的狗扑我娃儿 我说了他一句 他就掐我脖子      | CITY
            我去要装修尾款 他们几个人把我按在地上打                  | HOUSING
            """)
    void theMatterOfADisputeThatTurnedViolentSurvives(String text, String category) {
        Classification c = classify(text);
        assertEquals(Disposition.JOINT, c.disposition(), () -> text + " " + c.signals());
        assertEquals(category, c.categoryCode(), c.signals()::toString);
    }

    /** ... but a dispute word alone is no 12345 matter: it never diverts a call the danger model keeps. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"我在车位旁边 他们一直跟着我 我好怕", "狗主人又来了 就站在我家门口 一直盯着我"})
    void aDisputeWordAloneDivertsNothing(String text) {
        Classification c = classify(text);
        assertNotEquals(Disposition.NON_POLICE, c.disposition(), () -> text + " " + c.signals());
        assertNotEquals(Disposition.INVALID, c.disposition(), () -> text + " " + c.signals());
    }

    /**
     * Context settles a danger word only where it is something else: "cheating" by a shop or a contract with no money
     * sent to anyone, a knife bought and returned, a report that did not find the quoted fight, a traffic accident or a
     * dog bite long past now claimed for. The variants with money sent, with no claim, with harm found, or fresh, stay.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            那个装修公司 合同上写的是进口瓷砖 贴的全是杂牌子 完全是骗我们的 | NON_POLICE
            装修公司骗了我 让我扫码交定金                               | JOINT
            网购退款被骗了 对方让我转账                                 | JOINT
            在商场买了把水果刀 刀刃有缺口 要退                          | NON_POLICE
            我买了把刀 今天就要去找他                                   | POLICE
            刚刚在超市买了把刀 他拿起就要捅人 要退也不行                | JOINT
            民警到达现场，未发现报警人所称打架情况，系邻居因狗叫问题争吵，已劝离，需12345跟进噪音问题 | NON_POLICE
            民警到达现场，未发现报警人所称打架情况，但一人头部流血，需12345跟进噪音问题 | JOINT
            民警到达现场，报警人所称打架情况属实，需12345跟进噪音问题  | JOINT
            我前年出车祸受的伤 保险公司到现在还没赔完                   | NON_POLICE
            刚刚出车祸了 要他赔                                         | POLICE
            来电人称去年被邻居家的狗咬伤 已痊愈 现要求赔偿疫苗费       | NON_POLICE
            今天被邻居家的狗咬伤了 要他赔                               | POLICE
            """)
    void contextSettlesADangerWordOnlyWhereItIsSomethingElse(String text, Disposition disposition) {
        Classification c = classify(text);
        assertEquals(disposition, c.disposition(), () -> text + " " + c.signals());
    }

    /**
     * Round 5 (set 9's misses, as kinds): a danger word that is a simile, a name or a cry alone at the start of a call
     * naming a 12345 matter; a field report whose officer found what was feared was not so (实为, 经查系, 一看是, 非);
     * a procedural question about a public service; a request for the time or a phone number. Beside each, the
     * variants that must stay with 110: another danger word, harm found, a trace, a request for the police.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            外头砰砰砰的，跟放枪一样！是那个工地，半夜还在打桩，扰民 | NON_POLICE
            外头砰砰砰的，跟放枪一样！有人倒在地上了，工地扰民 | JOINT
            工地打桩扰民，有人拿枪 | JOINT
            春熙路有家叫炸弹的奶茶店 排队的人把小区门口占道了 | NON_POLICE
            奶茶店门口有人说有炸弹 占道 | JOINT
            我在美团上点了个“炸弹鸡排” 商家不退钱 这个找哪个 | NON_POLICE
            要出人命了！我们楼的电梯又坏了，物业说等配件 | NON_POLICE
            电梯坏了，物业不管，我妈从楼梯摔下来要出人命了 | JOINT
            救命啊 楼下KTV每天唱到凌晨三点 噪音扰民 | NON_POLICE
            救命啊 楼下KTV的人在打我 | POLICE
            救命 有人拿刀 噪音扰民 | JOINT
            民警到场后了解，报警人称楼下有人"吵起来要打架"，实为夜宵摊食客喧哗，未发生任何冲突，占道经营问题建议12345转城管处理。 | NON_POLICE
            民警到场后了解，报警人称楼下有人"吵起来要打架"，现场一人受伤，占道经营问题建议12345转城管处理。 | JOINT
            民警到场后了解，报警人称"家门口被人泼了东西"，经查系楼上住户拖地时污水流下，无冲突，建议12345转社区协调。 | NON_POLICE
            民警到场后了解，报警人称"家门口被人泼了东西"，经查系硫酸，建议12345转社区协调。 | JOINT
            九眼桥这儿我还以为打架了，走近一看是真的在打，有人流血，喇叭扰民 | JOINT
            民警到场后了解，报警人称闻到怪味，经查为垃圾站未及时清运产生异味，非燃气泄漏，建议12345转环卫部门跟进。 | NON_POLICE
            民警到场后了解，报警人称闻到怪味，经查为燃气泄漏，建议12345转燃气公司跟进。 | JOINT
            请问一下，我满七十岁了，老年人免费坐公交的卡去哪儿办？ | NON_POLICE
            请问一下身份证丢了 在成都补办需要回户籍地吗 | NON_POLICE
            你们这快递柜咋回事儿啊，放超过十二个钟头就收钱，这合理吗？ | NON_POLICE
            请问一下 我身份证被人抢了 | POLICE
            请问一下 我家孩子找不到了 去哪里办 | POLICE
            请问 我不方便说话 他就在旁边 | POLICE
            我要报警 请问 | POLICE
            喂，出租车公司电话多少嘛？我要打个车去双流机场 | INVALID
            请问现在几点了 | INVALID
            请问现在几点了 有人在砸我的门 | POLICE
            电话多少 我被关在屋里 | POLICE
            电话多少（哭声） | POLICE
            来电人称在二手平台购买演唱会门票，向对方转账2600元后被拉黑，未收到门票，要求报案。 | POLICE
            民警到场后了解，系租客与房东因押金退还问题发生抓扯，房东手臂轻微抓伤，押金纠纷建议双方通过12345协调处理。 | JOINT
            我姐在美容院办了卡，现在要退钱，店长把门锁了，说不消费完不准走，现在我们出不去 | JOINT
            """)
    void aFigureOfSpeechAFindingOrAQuestionMovesNothingTowardDangerAndAnyDangerStays(String text, Disposition disposition) {
        Classification c = classify(text);
        assertEquals(disposition, c.disposition(), () -> text + " " + c.signals());
    }

    /**
     * Issue 15's round 6 (set 10's misses as kinds of speech): violence said indirectly is danger, violence long past and
     * closed beside a 12345 matter is not, a near miss or a figure of speech is no accident, a prank owned up to with its
     * reason after it and a test of the line are invalid calls, a found wallet and a lost cat are 12345 matters; each
     * beside the variant that must stay with 110.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            为了排水沟的事 他一拳打到我脸上 | JOINT
            楼下烧烤摊一到半夜就吵 我去说 他们拿起板凳就要砸人 | JOINT
            我去年遭人打了，那个事派出所已经调解了，他也赔了钱，现在我想问工伤认定是找哪个部门 | NON_POLICE
            三年前曾被邻居打伤，当时已调解赔偿，现该邻居私搭乱建，要求处理 | NON_POLICE
            我去年遭人打了，那个事已经调解了，今天他又来打我，物业也不管 | JOINT
            我去年遭人打了，已经调解了，他今天还在门口堵我，物业不管 | JOINT
            我被邻居打伤了，已经调解了，违建还没拆 | JOINT
            村道烂了好几个坑 三轮车差点翻了 好久来修嘛 | NON_POLICE
            村道上三轮车翻了 人压在下面 | POLICE
            养猪场臭得要死人 粪水排到河沟头 | NON_POLICE
            快来 要死人了 | POLICE
            流浪狗一瘸一拐的 怕它遭车撞了 哪个部门管 | NON_POLICE
            流浪狗把人咬了 一瘸一拐的 | JOINT
            我屋头着火了……哈哈哈 骗你的 我跟我兄弟打赌看你们接不接 | INVALID
            我屋头着火了……哈哈 骗你的……救命 真的着火了 | POLICE
            有人抢劫……嘿嘿 开玩笑的 我们在拍抖音 | INVALID
            有人抢劫……开玩笑的 我们在拍抖音 我要报警 | POLICE
            刚才说有人打架是我同学乱发的 恶作剧 没有这回事 对不起 | INVALID
            刚才说有人打架是我同学乱发的 没有这回事 但是现在真的有人在砸门 | POLICE
            我就是试一下110打不打得通，新买的老人机，好了，谢谢哈 | INVALID
            我试一下110打不打得通 有人在跟着我 | POLICE
            帮我叫个出租车嘛 我在地铁站 | INVALID
            帮我叫个出租车 有个男的一直跟着我 | POLICE
            不好意思刚才发错了 是发给我老公的 | INVALID
            我在地铁上捡到一个钱包 交到哪里嘛 | NON_POLICE
            我在路边捡到一个小孩 两三岁 找不到大人 | POLICE
            我家猫跑丢了 能不能帮忙找一下 | NON_POLICE
            XX酒吧包间有人兜售开心水 今晚还在卖 | POLICE
            """)
    void indirectViolencePastSettledFightsNearMissesAndOwnedUpPranks(String text, Disposition disposition) {
        Classification c = classify(text);
        assertEquals(disposition, c.disposition(), () -> text + " " + c.signals());
    }

    @Test
    void anUnclearCallStaysWithThePolice() {
        Classification c = classify("我要报警");
        assertEquals(Disposition.POLICE, c.disposition());
        Classification unclear = classify("你们能不能派个人过来看一下");
        assertEquals(Disposition.POLICE, unclear.disposition(), unclear.signals()::toString);
    }

    @Test
    void titleCountsToo() {
        assertEquals(Disposition.POLICE, CLASSIFIER.classify("有人持刀", "在小区门口").disposition());
        assertEquals("WAGES", CLASSIFIER.classify("拖欠工资", "老板一直不给").categoryCode());
    }

    @Test
    void resultCarriesConfidenceAndVersion() {
        Classification c = classify("老板拖欠我三个月工资不给");
        assertTrue(c.confidence() > 0 && c.confidence() <= 1, () -> "confidence " + c.confidence());
        assertTrue(c.modelVersion().matches("rules-[0-9a-f]{8}\\+domain-svm-[0-9a-f]{12}\\+danger-svm-[0-9a-f]{12}\\+invalid-svm-[0-9a-f]{12}"), c.modelVersion());
    }

    @Test
    void isThreadSafe() throws Exception {
        List<String> texts = List.of("老板拖欠工资，工人和老板打起来了", "楼上很吵", "测试", "有人持刀抢劫", "路灯坏了", "孩子走丢了");
        List<Classification> expected = texts.stream().map(SafetyRulesTest::classify).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        int k = i % texts.size();
                        if (!classify(texts.get(k)).equals(expected.get(k))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : futures) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    /**
     * An officer's report from the scene weighs what the officer found over what the alarm said: a quoted alarm that the
     * report refutes with a finding of no harm, or an alarm owned up as a lie, moves nothing toward 110, even where no
     * 12345 matter is named. A report that confirms the matter or acts on it as a case (属实, 受案, 笔录, 报案) keeps every
     * word it quotes, and so does any other danger word in it.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            民警到场后了解，报警人称“有人在撬门”，经查看系物业更换门禁锁，无人为破坏，门禁问题建议联系物业。 | NON_POLICE
            民警到场查看，报警人反映的“小区里有人打架”系两名业主因车位争吵，无肢体接触，车位纠纷由12345转物业协调。 | NON_POLICE
            民警到场后了解，报警人称“门被人砸了”，经查看系属实，已受案调查，门锁维修建议联系物业。 | JOINT
            民警到场后了解，报警人反映的“被人打了”系其前夫所为，已制作笔录，住房问题需12345协调。 | JOINT
            民警到场后了解，报警人所称“有人放火”系邻居烧纸，火已熄灭，无人员受伤，但现场一男子持刀威胁邻居，文明祭祀由12345转社区。 | JOINT
            民警到场了解，报警人网购手机付款后卖家失联，已告知其到派出所报案，退货事宜建议12345转市场监管。 | JOINT
            """)
    void aFieldReportWeighsWhatTheOfficerFoundOverWhatTheAlarmSaid(String text, Disposition disposition) {
        Classification c = classify(text);
        assertEquals(disposition, c.disposition(), () -> text + " " + c.signals());
    }

    /** An alarm owned up as a lie in the officer's report, with nothing found, is an invalid call; a lie about a real crime is not. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            民警到场核实，报警人承认因与丈夫吵嘴故意拨打110谎称家中被盗，现场无任何被盗情况，已予以批评教育。 | INVALID
            民警到场核实，报警人谎称家中被盗，现场无任何被盗情况，但报警人脸上有伤，称被丈夫打了。 | POLICE
            民警到场后了解，对方谎称是银行客服让报警人转账，已转账两万元，已受案。 | POLICE
            """)
    void anAlarmOwnedUpAsALieIsInvalidOnlyWhenNothingElseIsFound(String text, Disposition disposition) {
        Classification c = classify(text);
        assertEquals(disposition, c.disposition(), () -> text + " " + c.signals());
    }

    /**
     * Round 8 of issue 15: context that settles one danger word where it is something else, each beside the look-alike
     * that must stay with 110: violence long past and paid for (not today's, not with 又来打我); a year gone by (not
     * tonight's date); an alarm quoted in marks and refuted in the officer's next sentence (not 流血, 属实, nor without an
     * officer's report); a name in marks (not 我有枪, not a gun pointed, not a quoted alarm); property hit by what the wind
     * brought down (not a flowerpot thrown, not a passer-by hurt, not without a finding); animals gathering or lost (not
     * people, not an old man out with his dog); a cry corrected in the next breath (not when the correction names
     * violence, not without a sentence break); a gym's "cheating" (not a scan-and-pay); a refutation saying what she did
     * (not who did it); lost property and a procedural question (not a theft, not a lost child); calling someone's phone.
     * A shape names goods only when goods follow (a “炸弹”造型 parcel left at the door stays), and a gas smell said around
     * the cue (“煤气”味, 像是煤气) is danger: the danger model retrained on set 12 no longer heard those.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            我八年前被人打过，当时已经赔了钱了，现在想问残疾补助去哪里办 | NON_POLICE
            我八年前被人打过，当时已经赔了钱了，今天他又来打我，想问残疾补助 | JOINT
            他刚才打了我，已经赔了钱了，我想问残疾补助去哪里办 | JOINT
            2018年在厂里摔伤了腰，老板已赔偿了结，现在想问工伤认定 | NON_POLICE
            2026年12月2日凌晨在厂里摔伤了腰，老板不赔医药费 | JOINT
            报警人称“隔壁有人打架，有人喊救命”。民警到场后了解，系住户看电视音量过大，无任何冲突，噪音问题建议12345反映。 | NON_POLICE
            报警人称“隔壁有人打架”。民警到场后了解，系夫妻因琐事打架，女方脸上流血，噪音问题建议12345反映。 | JOINT
            报警人称“隔壁有人打架”。民警到场后了解，情况属实，已受案，噪音问题建议12345反映。 | JOINT
            报警人称“隔壁有人打架”。系住户看电视音量过大，无任何冲突，噪音问题建议12345反映。 | JOINT
            报警人称“楼道里一股煤气味”。民警会同燃气公司到场检测，管道无泄漏，异味系楼下烧烤店油烟所致，建议12345反映。 | NON_POLICE
            报警人称“楼道里一股煤气味”。民警会同燃气公司到场检测，确有泄漏，已疏散住户，建议12345反映。 | JOINT
            楼下那家“枪战主题”密室半夜还在放音乐，噪音扰民 | NON_POLICE
            订的“炸弹”造型蛋糕跟图片不一样，要求退款 | NON_POLICE
            楼下店里有人喊“我有枪”，半夜噪音扰民 | JOINT
            有人在“枪战主题”馆门口拿枪指着人，噪音也大 | JOINT
            报警人称“有人开枪”，系楼下店铺噪音扰民 | JOINT
            招牌被风吹落，砸坏了我停在路边的电动车，无人员受伤，要求店主赔偿 | NON_POLICE
            有人从楼上扔花盆，砸坏了我的电动车，无人员受伤，要求赔偿 | JOINT
            招牌被风吹落，砸伤了路人，要求店主赔偿 | JOINT
            招牌被风吹落，砸坏了我的车，要求店主赔偿 | JOINT
            小区里流浪狗聚集，晚上一直叫，希望城管处理流浪狗 | NON_POLICE
            小区门口好多人聚集，要求处理流浪狗 | JOINT
            家里的宠物狗走失了，想请物业帮忙查监控 | NON_POLICE
            我爸遛狗走失了，七十多岁，物业说没看到 | JOINT
            有人一直在喊救命！……哦不是，是楼下卖鹦鹉的店，鹦鹉学的，吵得人受不了 | NON_POLICE
            有人一直在喊救命！……哦不是，是楼下那个男的在打他老婆，吵得人受不了 | JOINT
            楼下有人喊救命！……哦不是鹦鹉，是真的有人倒在地上了，吵得很 | JOINT
            楼下有人喊救命，哦不是，是鹦鹉学的，吵得人受不了 | JOINT
            我被骗了 那个健身房说年卡随便去 办了才说每周只能去两次 要退钱 | NON_POLICE
            我被骗了 健身房的人让我扫码转账交年卡费，然后就联系不上了 | JOINT
            民警到场后了解，报警人称遭“诈骗”，实为其在某理发店办卡后不满要求退款，双方无肢体冲突，建议拨打12345。 | NON_POLICE
            民警到场后了解，报警人称遭“诈骗”，实为其前夫冒充客服骗走两万元，无肢体冲突，建议拨打12345。 | JOINT
            我的驾驶证掉了，要去哪里补办 | NON_POLICE
            我的身份证被偷了，去哪里补办 | POLICE
            孩子的书包丢在公园了，如果有人捡到麻烦通知我 | NON_POLICE
            我孩子在公园不见了，如果有人捡到麻烦通知我 | JOINT
            有个车堵到我门口，打他挪车电话也不接 | NON_POLICE
            他又在打他老婆，我打他电话也不接 | POLICE
            民警到场后了解，报警人所说的“打架”系四年前与邻居因地界发生的纠纷，当时已调解完毕，现要求解决地界问题，建议12345反映。 | NON_POLICE
            民警到场后了解，报警人所说的“打架”系四年前与邻居因地界发生的纠纷，当时已调解完毕，今天邻居又来打人，建议12345反映。 | JOINT
            有人要砍我！……哦不是，是隔壁装修在砍墙，吵死了 | NON_POLICE
            着火了！……哦不是，是楼下在冒黑烟，还有爆炸声 | JOINT
            订了个“手枪”造型的生日蛋糕，到手跟图片不一样，要求退款 | NON_POLICE
            “炸弹”造型的包裹放在我家门口，不知道是谁放的，物业也不管 | JOINT
            报警人称被打，系邻居无任何理由打了他，建议12345反映。 | JOINT
            报警人称“楼上有人打架”。民警到场后了解，系男子酒后掐妻子脖子，无他人，噪音问题建议12345反映。 | JOINT
            2019年被他打伤，已赔偿了结，今天他又来了，物业不管 | JOINT
            楼道里有股“煤气”味，物业也不管 | JOINT
            楼道里有股怪味，像是煤气，物业也不管 | JOINT
            厨房里好像有气味，像燃气，物业不来看 | JOINT
            """)
    void round8ContextSettlesOneWordAndEveryLookAlikeStays(String text, Disposition disposition) {
        Classification c = classify(text);
        assertEquals(disposition, c.disposition(), () -> text + " " + c.signals());
    }

    /**
     * Set 13's six lost police matters (scored once while sealed, 2026-12-02) were police words nobody had listed:
     * workers held and freed (解救, 不允许其离开), a fire set and spreading (点燃, 烧到), a passer-by hit (击伤, 伤者), a
     * drug lab handed to the narcotics squad (制毒, 禁毒), money "invested" for monthly returns with the firm gone
     * (每月返利, 高息), a child fallen down a hole (小朋友 … 掉下去). Each must stay with 110 in new words, and the
     * 12345 look-alike beside it (a deposit kept by a landlord, a prepaid card whose gym closed, a cashback on shopping)
     * must still go to 12345.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            民警到场后了解，砖厂老板不允许其离开厂区，已将两名工人解救，另拖欠工资需12345转人社 | JOINT
            包工头把我们关在板房头，不准离开，工钱也不给 | JOINT
            房东扣押金不退，我想投诉 | NON_POLICE
            楼下有人把垃圾堆点燃了，火快烧到车棚了 | JOINT
            对面小区有人点燃秸秆，烟大，已经烧到绿化带了 | JOINT
            广告牌掉下来击伤一个骑车的人，伤者在流血，牌子还在晃 | POLICE
            出租屋里闻到化学药品味，房东说可能有人制毒 | JOINT
            我妈投了十几万，说好每月返利，现在公司人都找不到了 | POLICE
            那个理财公司承诺高息，我爸把养老钱都投进去了，要求退钱 | JOINT
            健身房老板跑路了，我的年卡钱退不了 | NON_POLICE
            网购说好的购物返现一直没到账，要投诉商家 | NON_POLICE
            工地边上那个坑没围起来，一个小朋友掉下去了 | POLICE
            """)
    void round8bUnlistedPoliceWordsStayWithTheirLookAlikesDiverted(String text, Disposition disposition) {
        Classification c = classify(text);
        assertEquals(disposition, c.disposition(), () -> text + " " + c.signals());
    }

    /**
     * Set 14's four lost police matters (scored once while sealed, 2026-12-02) had no danger word listed: someone trapped
     * in a lift car or a taxi (被困 followed by the place, not 被困在), a neighbour not seen for days with no answer at
     * the door (敲门也没人应, 老汉……天没出门), a prepaid-card shop's owner gone and the case passed to the economic crime
     * squad (经侦). Each stays with 110 in new words; the look-alikes beside them (being bothered, the caller's own days
     * at home, a gym owner gone with a card's balance) still go to 12345.
     */
    @ParameterizedTest(name = "{0} -> stays with 110")
    @ValueSource(strings = {
            "小区电梯坏了一个月物业不修，今天有个老人被困轿厢里",
            "大风把行道树吹断了，砸在一辆车上，开车的人被困车里",
            "隔壁阿姨一个礼拜没见着了，敲门也没人应，物业说要等家属",
            "楼上那个老人好几天没出门了，牛奶放在门口都没拿",
            "美容院收了几十个老人的预付款后关门了，派出所说已转经侦",
            "那个老板卷款跑路了，我们五十几个人的钱都在里头"})
    void round9bUnlistedPoliceWordsStayWithPolice(String text) {
        Classification c = classify(text);
        assertTrue(c.disposition() == Disposition.POLICE || c.disposition() == Disposition.JOINT,
                () -> text + " " + c.disposition() + " " + c.signals());
    }

    @ParameterizedTest(name = "{0} -> NON_POLICE")
    @ValueSource(strings = {
            "小区门禁老是坏，我被困扰好久了，物业也不修",
            "我好几天没出门了，楼下装修噪音太大，吵得睡不着，能不能管一下",
            "健身房老板跑路了，我的年卡钱退不了"})
    void round9bLookAlikesStillGoTo12345(String text) {
        Classification c = classify(text);
        assertEquals(Disposition.NON_POLICE, c.disposition(), () -> text + " " + c.signals());
    }

    /**
     * Round 9 (set 13's lost diversions and invalid calls as kinds): a past injury closed (拿到赔偿, 已经处理了, 获赔) or
     * healed and now complained of (没人管), a knife that cut a cook, a plain 系 opening a clause of a field report (系其
     * 自行遗落), a sound explained as a television or a video (听到……喊抢劫……一看原来是在拍视频), a game's shout, a fraud
     * SMS not clicked and asked about, a person the alarm said was missing found safe at home, a calm crowd (情绪平稳),
     * 吓死人, a wrong number (是顺丰吗), a question's 不 before 开玩笑. Each diverted or dismissed call (none copied from a
     * set) stands beside the variant that must stay with 110: today's violence, 被人用菜刀, 系邻居所为, a knife seen, a
     * game's cry for help (救命), a link clicked or money sent or 被骗, a child still missing, a collapse taken to
     * hospital, a report that refutes the alarm but names no 12345 matter (never dismissed, whatever it found), an
     * injury or a spouse's violence named after the finding, glass smashed by the crowd, fear, an overdose.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            前年在小区被人推倒受伤，派出所已经处理了，也拿到赔偿了，现在想问伤残鉴定在哪办 | NON_POLICE
            去年被他打过，派出所已经处理了，今天他又来打我 | POLICE
            两个月前小区的狗咬了我家老人，打了疫苗，现在那些狗还是到处跑，没人管 | NON_POLICE
            小区的狗刚才咬了我家老人，腿在流血，没人管 | POLICE
            三个月前在食堂帮厨时被菜刀割伤，现在单位不给报医药费 | NON_POLICE
            半个月前被人用菜刀划伤，现在要他赔医药费 | JOINT
            民警到场后了解，报警人称电动车“被盗”，经查看监控，系报警人自己忘记停放位置，非盗窃，报警人另反映小区车棚无监控，需12345跟进。 | NON_POLICE
            民警到场后了解，报警人称电动车“被盗”，经查看监控，系邻居所为，非盗窃，报警人另反映小区车棚无监控，需12345跟进。 | JOINT
            听到对面有人喊抢劫啊，过去一看原来是在拍视频，天天半夜拍，吵得很 | NON_POLICE
            听到楼上喊杀人了，上去一看是他拿刀在砍他老婆，电视声音也好大 | POLICE
            听到楼上喊杀人了，过去一看是真的，声音好大 | POLICE
            楼下网吧的人打游戏一直喊“打死他”，声音大得很，半夜还在喊 | NON_POLICE
            隔壁在打游戏，后来一直喊“救命”，声音大得很 | JOINT
            收到短信说“医保卡异常，点击链接处理”，我没点，想问一下是不是诈骗，医保卡要不要去补办 | NON_POLICE
            收到短信说医保卡冻结，我点了链接，转了三千，想问一下是不是诈骗，医保卡还能用不 | JOINT
            收到短信说医保卡冻结，我没点，但是我妈已经转账了，想确认一下医保卡是不是诈骗 | JOINT
            收到短信说医保卡冻结，我没点链接，但是被骗了五千，想问一下医保卡 | JOINT
            民警到场后了解，报警人称老人“走失”，到场时老人已自行回家，报警人另反映小区门口路灯不亮，需12345跟进。 | NON_POLICE
            民警到场后了解，报警人称孩子“不见了”，到场时仍未找到，报警人另反映小区门口路灯不亮，需12345跟进。 | JOINT
            民警到场后了解，报警人称老人“晕倒”，到场时老人已被家属接走送医，报警人另反映路灯不亮，需12345跟进。 | JOINT
            民警到场后了解，报警人称“家里进了小偷”，经查系其家中小孩玩耍时按下了报警键，现场无任何异常。 | POLICE
            民警到场后了解，报警人称“家里进了小偷”，经查系邻居所为，现场无任何异常。 | POLICE
            民警到场后了解，报警人称“家里进了小偷”，经查系其家中小孩按下了报警键，现场无任何异常，但报警人脸上有伤，称被丈夫打了。 | POLICE
            民警到场后了解，二十余名业主在售楼部聚集反映延期交房，情绪平稳，需12345转住建部门跟进。 | NON_POLICE
            民警到场后了解，二十余名业主在售楼部聚集反映延期交房，情绪平稳，但有人砸了售楼部玻璃，需12345转住建部门跟进。 | JOINT
            晚上野猫叫春，吓死人了，能不能管管流浪猫 | NON_POLICE
            吓死人了，有人拿刀在楼下砍人 | POLICE
            他偷走了我的心，还偷走了我的钱包 | POLICE
            请问是顺丰吗？我想寄个件 | INVALID
            请问是顺丰吗？有人在我家门口一直敲门，我好怕 | POLICE
            想找个人摆几句，我刚才吃了一瓶安眠药 | POLICE
            你们能帮我叫外卖不？开玩笑的 | INVALID
            能不能快点来不？不是开玩笑 | POLICE
            民警到场后了解，报警人称“有人要跳楼”，经查系工人在楼顶施工，无危险，材料占用人行道，需12345转住建部门跟进。 | NON_POLICE
            民警到场后了解，报警人称“有人要跳楼”，经查系工人在楼顶施工时坠落，两人受伤，材料占用人行道，需12345转住建部门跟进。 | JOINT
            楼下一家名为“炸弹”的酒吧天天半夜放音乐，吵得很 | NON_POLICE
            这是一条测试短信，请忽略 | INVALID
            测试短信，请忽略，我刚才被人打了 | POLICE
            测试短信，请忽略，他就在旁边 | POLICE
            民警到场后了解，报警人称“家里进了小偷”，经查系其家中小孩按下了报警键，现场无任何异常，报警人脸上有伤，称被丈夫打了。 | POLICE
            民警到场后了解，报警人称“楼下有人打架”，经查系其家中小孩玩手表按下了报警键，现场无任何异常，报警人称被丈夫推了一下。 | POLICE
            """)
    void round9ContextSettlesOneWordAndEveryPoliceVariantStays(String text, Disposition disposition) {
        Classification c = classify(text);
        assertEquals(disposition, c.disposition(), () -> text + " " + c.signals());
    }

    /**
     * Round 10 (set 14's lost diversions and invalid calls as kinds): a field report's refutation read in more frames
     * (经检测为, and findings 音响过大, 无违法内容, 无违法情况, 声音较大, 并无冲突, 现已找到), a sound heard as 爆炸声 explained
     * as a power tool (电锤), a dog off the lead, a stall on the pavement, a courier complaint, a lost wallet, a ditch to
     * jump over, a call with nothing to report (没有任何事, 不用回复). Each diverted or dismissed call (written for the
     * test, none copied from a set) stands beside its police variant, which must stay with 110: a knife or an injury
     * after the finding, a leak confirmed, a threat by the property staff, a child still missing, a dog's bite, a bag
     * snatched, a man outside a bridge's railing, a knife at the door, someone locked in.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            民警到场后了解，报警人称“隔壁有人杀人”，经查为楼下商铺做活动音响过大，噪音问题需12345转城管。 | NON_POLICE
            民警到场后了解，报警人称“隔壁有人杀人”，经查为楼下商铺做活动音响过大，另有一男子持刀伤人，噪音问题需12345转城管。 | JOINT
            民警到场后了解，报警人称“隔壁有人杀人”，经查为其丈夫持刀砍伤其手臂，音响过大，噪音问题需12345转城管。 | JOINT
            民警到场后了解，报警人称闻到“煤气味”，经检测为化粪池异味，无泄漏，需12345转排水部门。 | NON_POLICE
            民警到场后了解，报警人称闻到“煤气味”，经检测为燃气管道破损，确有泄漏，需12345转燃气公司。 | JOINT
            民警到场后了解，报警人称“家里有爆炸声”，经查为隔壁装修使用电锤，需12345转住建部门。 | NON_POLICE
            民警到场后了解，报警人称“家里有爆炸声”，经查为隔壁装修使用电锤，有一名工人被砸伤，需12345转住建部门。 | JOINT
            民警到场后了解，报警人称被“威胁”，系收到物业催缴通知，无违法内容，建议12345协调物业。 | NON_POLICE
            民警到场后了解，报警人称被“威胁”，系物业人员称要打断其腿，需12345协调物业。 | JOINT
            民警到场后了解，报警人称“有人在砍人”，经核实系邻居在楼道剁肉，声音较大，无违法情况，需12345协调物业。 | NON_POLICE
            民警到场后了解，报警人称“有人在砍人”，经核实系邻居在楼道持刀砍伤他人，声音较大，需12345协调物业。 | JOINT
            民警到场后了解，报警人所称“孩子被人抱走”系孩子被爷爷接走，现已找到，报警人另反映小区监控坏了，需12345督促物业。 | NON_POLICE
            民警到场后了解，报警人所称“孩子被人抱走”属实，孩子仍未找到，报警人另反映小区监控坏了，需12345督促物业。 | JOINT
            民警到场后了解，报警人称“有人打架”，经核实并无冲突，系两家因车位争吵，需12345协调物业。 | NON_POLICE
            民警到场后了解，报警人称“有人打架”，经核实并无冲突，现又有人拿刀过来，需12345协调物业。 | JOINT
            邻居遛狗不拴绳，我家娃娃看到就怕，能不能管一下 | NON_POLICE
            邻居遛狗不拴绳，刚才那条狗把我娃娃咬了，腿在流血 | JOINT
            有个卖菜的把人行道都占了，走路都走不过去 | NON_POLICE
            我要投诉快递，老是不送上门 | NON_POLICE
            我钱包掉了，不晓得掉哪里了，想问下有没有人交 | NON_POLICE
            我钱包掉了，刚才有个人把我包抢了就跑 | JOINT
            门口修路挖了条沟，出门都要跳过去 | NON_POLICE
            他站在桥栏杆外头，说要跳过去，跳下去 | POLICE
            喂，我喝了点酒，就想找个人说说话，没有任何事 | INVALID
            喂，我喝了点酒，没有任何事，他拿刀在我门口 | POLICE
            测试一下短信平台，不用回复 | INVALID
            不用回复，我被他关在屋头出不来 | POLICE
            """)
    void round10ContextSettlesOneWordAndEveryPoliceVariantStays(String text, Disposition disposition) {
        Classification c = classify(text);
        assertEquals(disposition, c.disposition(), () -> text + " " + c.signals());
    }

    /**
     * Round 11 (set 15's lost kinds): an officer's report that quotes an alarm and refutes it right after the marks
     * (“枪声”是, “爆炸声”为, “有人落水”系, 原报“煤气味”系, 所谓“…拿刀”即此) with what it found (no one hurt, safe, a
     * harmless source); a refutation that reveals a worse reality, a pretext (自称, 以…为由) or a dropped cover
     * (算了先不说, 细问后得知), whose 12345 words name no matter; a past incident closed (抓到了, 已经和解, 已扑灭); short
     * consultations (补办, 补偿标准, 读小学, 伤残等级, 坑, 野猫, 违停); advertising, a giggle, asking the time; an assault with
     * a stick; a child outside a railing. Each diverted or dismissed call (written for the test, none copied from a set)
     * stands beside its police variant, which must stay with 110.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            经现场核实，小区居民听到的“枪声”是隔壁饭店开业燃放的礼花，无人受伤，燃放扰民问题交12345。 | NON_POLICE
            经现场核实，小区居民听到的“枪声”是真的，一男子持枪在楼下，燃放扰民问题交12345。 | JOINT
            经现场核实，小区居民听到的“枪声”是隔壁饭店开业燃放的礼花，有一名路人被炸伤，燃放扰民问题交12345。 | JOINT
            经现场核实，河边“有人落水”系附近居民在冬泳，安全无事；河边护栏缺失一事转12345。 | NON_POLICE
            经现场核实，河边“有人落水”系一名儿童失足，已送医抢救；河边护栏缺失一事转12345。 | JOINT
            到场后看到报警人楼上住户在阳台杀鸡，所谓“楼上有人拿刀”即此，双方因晾晒问题早有矛盾，建议12345协调。 | NON_POLICE
            到场后看到报警人楼上住户手持菜刀追砍他人，所谓“楼上有人拿刀”即此，建议12345协调。 | JOINT
            经现场核实，报称的“爆炸声”为路口配电柜短路，已断电，无人员受伤，需12345协调供电部门抢修。 | NON_POLICE
            经现场核实，报称的“爆炸声”为路口配电柜短路起火，一名行人被烧伤，需12345协调供电部门抢修。 | JOINT
            经燃气公司现场检测无泄漏，原报“煤气味”系卫生间地漏返味，排水问题转12345。 | NON_POLICE
            经燃气公司现场检测，原报“煤气味”系燃气管道破损泄漏，排水问题转12345。 | JOINT
            出警反馈：夜里的“小孩哭声”是邻居家播放的电视剧，无警情；扰民问题建议12345协调。 | NON_POLICE
            出警反馈：夜里的“小孩哭声”是邻居家小孩被家长殴打，扰民问题建议12345协调。 | JOINT
            经现场核实，报警人所称“有人在楼道烧纸”实为其邻居在门口泼洒汽油，已当场控制。 | POLICE
            民警到场后了解，所谓“上门推销的”实为冒充燃气公司人员的男子，以检查燃气为由进入独居老人家中盗窃，一人在逃。 | POLICE
            民警到场后了解，原报“楼上噪音扰民”，实为一伙人在出租屋内聚众吸毒，需警力支援。 | POLICE
            来电人称一男子自称物业维修工，以检查水管为由进入其家中，现在还不走，她一个人在家。 | POLICE
            我本来想问下停车费的事，算了先不说了，刚才有个男的一直跟着我到了楼下，现在还在 | POLICE
            来电人称咨询社保卡办理，细问后得知其被人以办理社保卡为名骗走3万元，对方还在要钱。 | POLICE
            上个月有人在我们小区门口抢手机，后来也抓到了，我就想问下小区监控能不能多装几个 | NON_POLICE
            上个月有人在我们小区门口抢手机，今天又来了，我就想问下小区监控能不能多装几个 | JOINT
            短信：上周在我们单元门口拿刀那个人已经被抓了 谢谢 就是想问下单元门禁啥时候修好 | NON_POLICE
            短信：在我们单元门口拿刀那个人现在还没被抓到 就是想问下单元门禁啥时候修好 | JOINT
            短信：去年在健身房被教练拉伤了肩膀 已经和解了 现在健身房关门了 我的会员卡里还有2000块怎么办 | NON_POLICE
            短信：刚才在健身房被教练打伤了肩膀 现在健身房关门了 我的会员卡里还有2000块怎么办 | JOINT
            昨天晚上小区变压器砰的一声，整栋楼都停电了，也没哪个受伤，现在还没来电 | NON_POLICE
            昨天晚上小区变压器砰的一声，整栋楼都停电了，有没有哪个受伤不晓得 | JOINT
            短信 昨晚听到楼上有人喊救命 后来才知道是他家小孩打游戏乱喊 但他家天天吵到半夜 能管管噪音吗 | NON_POLICE
            短信 刚才听到楼上有人喊救命 后来才知道是他家老人摔倒了 但他家天天吵到半夜 能管管噪音吗 | JOINT
            短信：护照丢了 咋个补 | NON_POLICE
            短信：驾驶证遭偷了 咋个补 | POLICE
            你好，我想问下老旧小区改造的补偿标准在哪里查 | NON_POLICE
            来电人咨询外地户籍孩子在本市读小学需准备哪些材料。 | NON_POLICE
            我以前工伤断了根手指，想问下伤残等级能不能重新鉴定 | NON_POLICE
            路口那个坑好久了 电瓶车天天卡进去 能不能补一下 | NON_POLICE
            侬好，阿拉弄堂里有只野猫天天叫，有没有人来管管 | NON_POLICE
            来电人称其单元门口消防通道长期被车辆违停堵住，要求处理。 | NON_POLICE
            【某某银行】您的信用卡额度已提升，详询客服，回T退订 | INVALID
            【某某银行】您的账户涉嫌洗钱，请立即转账到安全账户，回T退订 | POLICE
            来电为保险推销广告录音，无人工应答。 | INVALID
            嘻嘻嘻，我打通了，阿姨你好 | INVALID
            嘻嘻，叔叔，我妈妈倒在地上叫不醒 | POLICE
            你好，你们那儿现在几点了？我手机没电了 | INVALID
            现在几点了？我手机没电了，有个人一直跟着我 | POLICE
            狗主人用木棍打了来电人的父亲，因为狗屎的事吵了好久 | JOINT
            对面楼有个小孩站在阳台护栏外侧，一直在哭 | POLICE
            小区门口的护栏坏了，好久都没人修 | NON_POLICE
            """)
    void round11ARefutedAlarmAPretextOrAClosedPastMatterSettlesOneWordAndEveryPoliceVariantStays(String text,
                                                                                                  Disposition disposition) {
        Classification c = classify(text);
        assertEquals(disposition, c.disposition(), () -> text + " " + c.signals());
    }

    /**
     * Round 12 (the kinds sets 16 and 17 lost): a calm threat (扬言, 放话, 找人收拾, 要烧…房子, 同归于尽) is danger; a push
     * that injures (推出门外摔伤) is danger; a railing or an air-conditioner unit someone stands outside is danger, not a
     * road or city matter; everyday exaggeration (熏死人, 臭死了, 杀蚊子, 死鱼, a complaint that ends in 要死人了) and manure on
     * a vegetable bed are not, while manure thrown at a door is; short complaints the cues did not know (绿灯时间, 打药,
     * 中介费, 过节费); the 12345 part of a violent dispute (一分钱都没给, 电梯长期故障); officers' findings that the matter is
     * not the police's (属物业管理, 非警情, 未发现伤人, 所报…系…, 轿厢内无人); a child on the parent's phone, a test in pinyin,
     * a personal message. Each diverted or dismissed call (written for the test, none copied from a set) stands beside
     * its police variant, which must stay with 110.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            来电人称邻居因停车位的事与其争吵，今天扬言要找人收拾他全家。 | JOINT
            邻居放话说要把我家房子烧了，就因为我投诉他家狗叫 | JOINT
            他在微信里说明天要砍死我，我一个人住 | POLICE
            隔壁烧烤店油烟太大，老板说要烧烤到半夜，能不能管管 | NON_POLICE
            物业说下周要砍树，树上有鸟窝，能不能别砍 | NON_POLICE
            民警到场后了解，报警人在餐馆就餐时与服务员发生争执，被服务员推出门外摔伤，餐费纠纷建议转市场监管。 | JOINT
            民警到场后了解，报警人在餐馆就餐时与服务员因餐费发生争执，双方未发生冲突，建议转市场监管。 | NON_POLICE
            我在超市买到过期的牛奶，去退被保安推倒了，手肘都摔破了流血 | JOINT
            我在超市买到过期的牛奶，去退他们不给退 | NON_POLICE
            楼下烧烤摊天天烤到半夜，油烟熏死人了 | NON_POLICE
            楼下烧烤摊的油烟熏得人喘不过气，我老汉已经晕倒了 | JOINT
            垃圾站就在我家窗户下面，夏天臭死了，苍蝇好多 | NON_POLICE
            垃圾站旁边有个人倒起不动了，臭死了也没人管他 | JOINT
            小区里最近蚊子好多，能不能安排打药杀蚊子 | NON_POLICE
            有人在我家门口泼粪，已经是第三次了，门上还写了字 | POLICE
            楼下邻居在公共绿地里种菜泼粪，味道大得很 | NON_POLICE
            公园湖里好多死鱼漂起来，水也是绿的 | NON_POLICE
            公园湖里有个人漂起来了，一动不动 | POLICE
            隔壁在装修，天天电钻打到晚上九点，要死人了 | NON_POLICE
            隔壁在装修，工人从架子上摔下来了，要死人了 | POLICE
            快点来嘛，要死人了 | POLICE
            这个路口的绿灯时间太短了，老年人根本走不过去 | NON_POLICE
            这个路口红绿灯坏了，刚才两个车撞了，有人受伤 | JOINT
            中介费交了三千，房子没租成也不退 | NON_POLICE
            单位今年的过节费一分都没发 | NON_POLICE
            喂，我们在这个工地上干了三个月，包工头一分钱都没给，今天去要，他叫人把我们打了 | JOINT
            经现场核实，小区电梯长期故障，今日困住一名老人，老人已被救出，送医检查，电梯问题需市场监管部门介入。 | JOINT
            经现场核实，小区电梯长期故障停运，无人被困，已通知物业及维保单位。 | NON_POLICE
            民警到场后了解，报警人反映的有人撬门实为物业维修人员更换门锁，属物业管理问题，无警情。 | NON_POLICE
            民警到场后了解，报警人反映的有人撬门实为物业维修人员更换门锁，但维修人员称被报警人打伤，属物业管理问题。 | JOINT
            民警到场后了解，报警人反映的有人撬门系其前夫所为，现场门锁被破坏，属物业管理问题。 | JOINT
            经现场核实，所报有人被困系写字楼电梯故障停运，轿厢内无人，已通知物业。 | NON_POLICE
            经现场核实，所报有人被困系写字楼电梯故障停运，轿厢内一名女子晕倒，已通知物业和120。 | JOINT
            经现场核实，小区一只流浪狗在路边翻垃圾，未发现伤人情况，已联系社区处理。 | NON_POLICE
            经现场核实，小区一只流浪狗在路边翻垃圾，未发现伤人情况，但有一名小孩称被咬伤，已联系社区处理。 | JOINT
            来电人称小区门口有一只受伤的流浪狗，希望有人来救助。 | NON_POLICE
            来电人称小区门口有一名受伤的老人躺在路边，希望有人来救助。 | POLICE
            来电人为儿童，称在玩爸爸的手机，随后家长接过电话致歉。 | INVALID
            来电人为儿童，称爸爸喝醉了在打妈妈。 | POLICE
            来电人为儿童，称在玩爸爸的手机，背景有大人争吵和哭声。 | POLICE
            ceshi | INVALID
            ceshi 有人在打我 | POLICE
            老公 晚上吃什么 我买菜回来 | INVALID
            老公 晚上吃什么 那个人又跟着我了 | POLICE
            对面楼有个小娃娃站在空调外机上，大人不在家 | POLICE
            对面楼的空调外机一直滴水，滴到我家阳台上 | NON_POLICE
            一个男的坐在河边护栏外面喝酒，喊都喊不回来 | POLICE
            河边的护栏断了一截，晚上走路危险 | NON_POLICE
            我老公喝了杀虫剂，现在在吐白沫 | POLICE
            民警到场后了解，报警人三年前被邻居家的狗咬伤，现咨询当时的疫苗费用能否报销，非警情。 | NON_POLICE
            民警到场后了解，报警人今天被邻居家的狗咬伤，现咨询疫苗费用能否报销。 | JOINT
            民警到场后了解，报警人与维修店因维修费用产生纠纷，称被骗了，经核实系价格争议，建议向市场监管部门投诉。 | NON_POLICE
            民警到场后了解，报警人在维修店被骗，对方让其扫码转账五千元后拉黑，建议向市场监管部门投诉。 | POLICE
            社区反映一名孤寡老人无人照料，生活困难，需民政部门介入。 | NON_POLICE
            社区反映一名孤寡老人三天没出门，敲门也没人应，需民政部门介入。 | JOINT
            经现场核实，一名流浪人员在桥洞下意识不清，已联系120，后续救助安置需民政部门介入。 | JOINT
            """)
    void round12ThreatsPushesAndRailingsStayWhileFindingsAndExaggerationsMoveOnlyTheirWord(String text,
                                                                                          Disposition disposition) {
        Classification c = classify(text);
        assertEquals(disposition, c.disposition(), () -> text + " " + c.signals());
    }

    /**
     * Round 13 (the kinds set 18 lost): a cut or scratch on a body part done by someone (划伤其脸部, 划破了我的手臂) and a
     * person trapped under an overturned vehicle (压在车下, 翻到沟里) are danger inside a consumer or road complaint; an
     * officer's refutation of a quoted alarm settles the quoted word where it says what was found (已向报警人解释, 早已痊愈,
     * 经燃气公司检测系, 经现场核实系, 已联系家长接回, 不属于诈骗), and a quoted alarm owned up as a prank (开玩笑, 恶作剧,
     * 骗你的) with nothing found is invalid; a cry taken back at once (打赌, 别当真), a telecom line test, keys stuck or a
     * phone redialling by itself, a message sent to 110 by mistake are invalid; a simile (跟着火了似的), a lost or injured
     * pet, a worry about fire over a blocked fire lane are no danger. Each diverted or dismissed call (written for the test,
     * none copied from a set) stands beside its police variant, which must stay with 110.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            民警到场后了解，报警人在健身房退卡时与店员争执，店员用指甲抓伤其脖子，退卡纠纷建议转市场监管。 | JOINT
            民警到场后了解，报警人在健身房退卡时与店员争执，双方未发生冲突，退卡纠纷建议转市场监管。 | NON_POLICE
            培训机构不退学费，我去要，前台拿剪刀划破了我的手臂 | JOINT
            村里那条路坑坑洼洼的一直没人修，刚才一辆摩托车翻到沟里，骑车的老头压在车下面了 | JOINT
            村里那条路一直没人修，坑坑洼洼的，下雨天全是泥 | NON_POLICE
            民警到场后了解，报警人所称“有人撬门”系物业人员上门检修水管，已向报警人解释，报警人对物业维修不及时有意见，转12345。 | NON_POLICE
            民警到场后了解，报警人所称“有人撬门”系其前夫所为，门锁已被破坏，报警人另反映物业不作为，转12345。 | JOINT
            经现场核实，报警人所称“被打”系五年前与邻居发生的纠纷，伤情早已痊愈，现主要反映邻居违建，转12345。 | NON_POLICE
            经现场核实，报警人所称“被打”系今天上午与邻居发生的纠纷，脸上有伤，另反映邻居违建，转12345。 | JOINT
            民警到场后了解，报警人称“家里着火了”，系其与同学打赌开玩笑拨打，现场无异常，已对其批评教育。 | INVALID
            民警到场后了解，报警人称“家里着火了”，系其与同学打赌开玩笑拨打，但现场厨房确有明火，已扑救。 | POLICE
            民警到场后了解，报警人称“有人抢劫”，经核实系几名中学生恶作剧拨打，现场无任何异常，已进行批评教育。 | INVALID
            民警到场后了解，报警人称“有人抢劫”，经核实系几名中学生恶作剧拨打，但其中一人脸上有伤，称被高年级学生打了。 | POLICE
            报警人称闻到“煤气味”，经燃气公司检测系下水道返味，无燃气泄漏，下水道问题转12345。 | NON_POLICE
            报警人称闻到“煤气味”，经燃气公司检测确系燃气泄漏，已疏散住户，同时转12345。 | JOINT
            民警到场后了解，报警人称“孩子不见了”，经查孩子在邻居家看电视，已联系家长接回；报警人另反映小区门禁损坏，转12345。 | NON_POLICE
            民警到场后了解，报警人称“孩子不见了”，经查孩子仍未找到，报警人另反映小区门禁损坏，转12345。 | JOINT
            民警到场后了解，报警人称“被骗”办了健身卡，经核实双方签有合同，不属于诈骗，系消费纠纷，转12345。 | NON_POLICE
            民警到场后了解，报警人称被人冒充客服骗走三万元，经核实属于诈骗，已受案。 | POLICE
            救命啊——哈哈哈，没事没事，我孙子在学电视剧里喊人，别当真啊。 | INVALID
            救命啊——哈哈哈，没事没事，我是说笑的……他又拿刀了 | POLICE
            喂，救命——哈哈哈，跟同事打赌输了的打110，没事没事，你别当真哈。 | INVALID
            喂，救命——哈哈，打赌输了的打110……不对不对，真的有人在砸我家门 | POLICE
            来电人为一名男孩，称“我家有坏人”，随后笑着说“骗你的”，家长接过电话称孩子在玩手机，家中一切正常。 | INVALID
            来电人为一名男孩，称“我家有坏人”，随后笑着说“骗你的”，家长接过电话后背景有男子吼骂和哭声。 | POLICE
            来电人称其为电信公司工作人员，正在进行线路测试，确认110接通正常后挂断。 | INVALID
            来电人称其为电信公司工作人员，正在进行线路测试，施工时同事从电杆上摔下来了。 | POLICE
            经现场核实，报警电话系老人的老年机卡键自动拨出，老人在家睡觉，无警情。 | INVALID
            经现场核实，报警电话系老人的老年机卡键自动拨出，但老人倒在卫生间地上，意识不清。 | POLICE
            经现场核实，该号码系一部扔在垃圾桶里的旧手机反复重启拨号，已将手机收回，无警情。 | INVALID
            不好意思发错了，本来是想发给我妈的：明天回来吃饭 | INVALID
            不好意思发错了，本来是想发给我妈的：有人在撬我家的门 | POLICE
            楼下火锅店的排风机吵得跟打雷一样，油烟大得跟着火了似的 | NON_POLICE
            楼下火锅店油烟好大，刚才后厨真的着火了 | JOINT
            我家猫跑丢了，一只橘猫，昨天晚上就不见了，能不能帮我找一下 | NON_POLICE
            我家孩子跑丢了，昨天晚上就不见了，能不能帮我找一下 | POLICE
            小区门口有只受伤的流浪狗，后腿好像断了，能不能找人救助 | NON_POLICE
            小区门口有个老人摔倒了，腿好像断了，能不能找人来 | POLICE
            小区消防通道被电动车堵死了，物业不管，万一发生火灾消防车进不来 | NON_POLICE
            小区消防通道被电动车堵死了，物业不管，现在三楼已经着火了 | JOINT
            我家狗跑丢了，我女儿出去找狗，到现在也不见了 | JOINT
            我被小区里的流浪狗扑倒了，腿好像断了 | JOINT
            经现场核实，报警人所称“被打”系三年前的纠纷，但报警人称今天又被对方打伤，另反映单位欠薪，转12345。 | JOINT
            报警人称：某驾校收取学费后一直不安排考试，今日其去要求退费，被教练推到门外并用钥匙划破其额头。 | JOINT
            """)
    void round13QuotedAlarmsPranksAndPetsMoveOnlyWhatWasRefutedWhileCutsAndTrappedPeopleStay(String text,
                                                                                           Disposition disposition) {
        Classification c = classify(text);
        assertEquals(disposition, c.disposition(), () -> text + " " + c.signals());
    }

    /**
     * Round 14 (the kinds set 19 lost): a shop, a property company, a developer or a school called 诈骗/骗子 over a refund
     * or a defect is a consumer dispute where no money went to a scammer (拉黑, 扫码, 转账 keep it); an injury long past and
     * treated (已出院, a cut at work claimed as 工伤) is a claim; everyday objects in danger words (站牌被撞, 井盖翻了, 看不见,
     * 栏杆断了, a hornet nest, a cry over broadband) and short dialect complaints (冇填, 鸡杀了, 我上去敲过门) are 12345
     * matters; 无车辆人员被困 refutes 被困; a game's name (玩「警察抓小偷」游戏), a prank owned up before the quote, a cry
     * corrected at once, an advert, 冇事冇事 and a call-back that found a pocket dial are invalid with a finding of nothing;
     * a child's quoted 我要报警 is taken back by a parent's finding, the caller's own words never. Each call (written for the
     * test, none copied from a set) stands beside its police variant, which must stay with 110.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            在网上买的面霜用了过敏起疹子，商家不给退，这算不算诈骗啊 | NON_POLICE
            在网上买的面霜，卖家让我扫码退款，我转账了五千，这算不算诈骗啊 | JOINT
            我们小区物业就是骗子，收了物业费电梯坏了半个月都不修 | NON_POLICE
            我们小区物业就是骗子，收了物业费还叫保安把我打了，现在头在流血 | JOINT
            买的二手电脑寄过来是翻新的，商家死活不认，我说你们这是诈骗 | NON_POLICE
            在网上买电脑，付款后卖家就把我拉黑了，这是不是诈骗 | POLICE
            民警到场后了解，报警人称被健身房“诈骗”，经核实系会员卡续费争议，不涉及违法犯罪，建议向市场监管部门投诉。 | NON_POLICE
            民警到场后了解，报警人称被健身房“诈骗”，经核实系店员冒充银行客服骗其转账两万元，已受案。 | JOINT
            来电人称其半个月前在厂里被机器划伤手臂，已经缝针，现在老板不给报销，咨询工伤认定。 | NON_POLICE
            来电人称其半个月前被老板用刀划伤手臂，咨询工伤认定，今天老板又来威胁他。 | JOINT
            来电人称其半个月前被同事用刀划伤手臂，现在想咨询工伤认定。 | JOINT
            来电人称其母亲上个月摔倒骨折，已出院，想咨询长护险怎么申请。 | NON_POLICE
            来电人称其母亲刚刚摔倒骨折，起不来了，想咨询长护险。 | JOINT
            小区门口的公交站牌被撞歪了，一直没人修 | NON_POLICE
            小区门口的公交站牌被撞倒了，压住了一个老人 | JOINT
            路口井盖翻了，没人受伤，怕晚上有人踩空 | NON_POLICE
            路口井盖翻了，刚才一个小孩掉下去了，在下面喊救命 | JOINT
            小区路灯坏了好几天，晚上黑乎乎的什么都看不见 | NON_POLICE
            小区路灯坏了好几天，我家孩子晚上出去玩，一转眼就看不见了，到现在没找到 | JOINT
            河边步道的栏杆断了一截，希望尽快修 | NON_POLICE
            河边步道的栏杆断了一截，刚才有个老人从那里掉进河里了 | JOINT
            我家阳台上有个马蜂窝，能不能派人来处理一下 | NON_POLICE
            我家阳台上有个马蜂窝，我爸被蜇了好多下，现在晕倒了，快派人来 | JOINT
            救命啊！我家宽带断了两天了，客服一直打不通 | NON_POLICE
            救命啊！我家宽带断了两天了，刚才来了个人说修宽带，把我锁在屋里了 | JOINT
            这条路挖开三个月了还冇填，天天堵车，灰尘大得很 | NON_POLICE
            这条路挖开三个月了还冇填，刚才一个骑电动车的栽进坑里，满头是血 | JOINT
            隔壁养的鸡天天凌晨打鸣，吵得睡不着，我真想把鸡杀了 | NON_POLICE
            隔壁养的鸡天天凌晨打鸣，吵得睡不着，邻居说再投诉就把我杀了 | JOINT
            楼上半夜剁东西，我上去敲过门，人家不开，能不能叫社区管一下 | NON_POLICE
            这几天半夜总有人敲过门又跑了，我一个人在家很害怕 | POLICE
            经现场核实，某小区地下车库积水，系排水泵故障，无车辆人员被困，建议12345督促物业维修。 | NON_POLICE
            经现场核实，某小区地下车库积水，系排水泵故障，一辆车内有人被困，已联系消防，建议12345督促物业维修。 | JOINT
            民警到场后了解，报警系两名小学生在家玩「警察抓小偷」游戏时拨打，家长在场，无任何异常。 | INVALID
            民警到场后了解，报警系两名小学生在家玩「警察抓小偷」游戏时拨打，但家中确有陌生人撬门痕迹。 | POLICE
            经核实，该来电系几名学生恶作剧，拨通后称「超市着火了」随即挂断，已对学生进行教育。 | INVALID
            经核实，该来电系几名学生恶作剧，拨通后称「超市着火了」随即挂断，但超市仓库确有明火。 | POLICE
            来电人称「我朋友要被人杀了」，随后大笑称是跟朋友打赌，回拨确认为恶作剧。 | INVALID
            来电人称「我朋友要被人杀了」，随后大笑称是跟朋友打赌，回拨时听到背景有哭声。 | POLICE
            来电人为一名女童，称「我要报警，爸爸不给我看电视」，随后家长接过电话致歉，称孩子闹脾气，家中一切正常。 | INVALID
            来电人为一名女童，称「我要报警，爸爸在打妈妈」，随后家长接过电话致歉，称孩子闹脾气。 | POLICE
            我要报警，妈妈不给我吃冰淇淋，家中一切正常 | POLICE
            哈哈我把他杀了！……哦不是，我们在打游戏，手滑按到紧急呼叫了 | INVALID
            哈哈我把他杀了！……哦不是，是他把我捅了，流了好多血 | POLICE
            您好，恭喜您获得年终大礼包，按1了解详情 | INVALID
            不好意思，想打114的，按错了，冇事冇事 | INVALID
            不好意思，想打114的，按错了，冇事冇事……唔系，有人打我 | POLICE
            来电无人说话，回拨后机主称手机放裤兜误拨，本人安全 | INVALID
            来电无人说话，回拨无人接听 | POLICE
            """)
    void round14ConsumerCheatsPastInjuriesObjectsAndOwnedUpPranksMoveWhileTheirPoliceVariantsStay(String text,
                                                                                                 Disposition disposition) {
        Classification c = classify(text);
        assertEquals(disposition, c.disposition(), () -> text + " " + c.signals());
    }

    /**
     * Round 15 (set 20's one lost police call): a knife taken out, held or waved (拿出刀来, 掏出刀, 拎着刀, 挥刀) and a
     * threat to whoever (砍哪个, 就砍谁) are danger however ordinary the dispute around them; cutlery (拿出刀叉) is not.
     * Written for the test, none copied from a set.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            工地包工头欠了我们三个月工资，今天去要，他拿出刀来在桌上拍，说哪个再来要就砍哪个 | JOINT
            包工头欠了我们三个月工资，一直拖着不给，我们想去劳动监察投诉 | NON_POLICE
            房东不退押金，还掏出刀子说谁敢不搬就砍谁 | JOINT
            房东不退押金，说好的月底退，到现在都没退 | NON_POLICE
            楼下那个人拎着刀在小区门口转来转去，嘴里骂骂咧咧的 | POLICE
            网上买的西餐餐具套装，拿出刀叉一看全生锈了，商家不给退货 | NON_POLICE
            """)
    void round15AKnifeTakenOutAndAThreatToWhoeverStayWhileCutleryMoves(String text, Disposition disposition) {
        Classification c = classify(text);
        assertEquals(disposition, c.disposition(), () -> text + " " + c.signals());
    }

    /**
     * Round 16 (set 20's lost kinds, after folding it in): an injury long past and healed since (现在好了), animals
     * gathering, a caller's exaggeration quoted and refuted by what was asked (“再这样要出人命”，经询问无冲突), an alarm
     * refuted at the scene with a finding of no harm (身体无碍) or handed to 12345 (实为……，建议转民政部门), a game's cry
     * owned up as a forfeit (罚他打的), a recorded advertisement (请按1), and the parts of a police call that are no 12345
     * matter beside it (a fire's smoke, the place where it happens, a fraud's own vehicle). Each moved call beside the
     * same words with real danger, which stay with 110. Written for the test, none copied from a set.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            我妈前年摔断了腿，现在已经好了，但是医保报销一直没批下来，想问一下找哪里 | NON_POLICE
            我妈前年摔断了腿，现在已经好了，今天又被邻居推倒了，腿又断了 | POLICE
            我老汉儿去年摔断了腿，现在好了，刚才在楼梯上又摔了，起不来 | POLICE
            小区里流浪狗成群聚集，晚上叫个不停，希望有人来管管 | NON_POLICE
            因为喂流浪猫几十个业主聚集在物业门口，堵着不让物业的人走 | JOINT
            来电人称楼下烧烤店油烟太大，“再熏下去要出人命”，经询问无冲突，要求相关部门处理油烟 | NON_POLICE
            来电人称楼上装修电钻声持续一周，“再这样要出人命”，其已拿菜刀上楼理论 | JOINT
            来电人称楼上装修电钻声持续一周，邻居扬言“再投诉要出人命”，经询问暂无冲突 | JOINT
            经现场核实，所报“路边有人倒地”系一名环卫工人坐在路边休息，身体无碍，其反映路面坑洼，需转相关部门。 | NON_POLICE
            经现场核实，所报“路边有人倒地”系一名老人摔倒后头部出血，已送医，其家属反映路面坑洼，需转相关部门。 | JOINT
            经现场核实，报警人称老人被养老院“关起来”，实为院方夜间封闭管理，家属对收费有异议，建议转民政部门。 | NON_POLICE
            经现场核实，报警人称老人被养老院“关起来”，实为被护工锁在房间内殴打，建议转民政部门。 | JOINT
            救命啊——哈哈哈，不是不是，我们在玩游戏，他输了罚他打的，对不起，没得事 | INVALID
            救命啊——哈哈哈，不是不是，罚他打的……救命，他真的拿刀过来了 | POLICE
            您好，这里是某某教育机构，现推出暑期课程限时优惠，了解详情请按1 | INVALID
            我每天都接到装修公司的推销电话，了解详情请按1，烦得很，我要投诉 | NON_POLICE
            您好，这里是某某装修公司，了解详情请按1……救命，有人在砸我家门 | JOINT
            我们小区车棚着火了，好大的黑烟，有人被困在里面 | POLICE
            对面化工厂天天排黑烟，熏得人睁不开眼。今天下午那边又有人打起来了 | JOINT
            有个男的在楼道里拿着刀走来走去，嘴里一直在骂 | POLICE
            邻居在楼道堆满杂物，我说了一句他就拿刀出来吓我 | JOINT
            我网购后接到自称客服的电话说要给我退款，让我下载软件开屏幕共享，现在卡里的钱被转走了 | POLICE
            网购的商家不给退款，还冒充客服骗我转账两千，建议转市场监管 | JOINT
            车库着火了！浓烟！有人在里面！ | POLICE
            楼上那家天天吵，今天不一样，女的一直在喊救命，然后就没声了 | POLICE
            楼上那家天天吵，半夜还在蹦迪，吵得睡不着 | NON_POLICE
            经现场核实，原报“有人持刀”系一名摊主在门口剖鱼，无威胁行为；报警人反映该摊占道经营，已转12345。 | NON_POLICE
            经现场核实，原报“有人持刀”系一名男子持刀追砍摊主，现场有人受伤；报警人反映该摊占道经营，已转12345。 | JOINT
            民警到场后了解，来电系家中智能手表误触发自动呼出，家中无人，无异常。 | INVALID
            民警到场后了解，来电系智能手表误触发自动呼出，但屋内老人倒地不起，已送医。 | POLICE
            我在网上订的酒店到了说没房，也不退差价，简直是诈骗 | NON_POLICE
            我在网上订的酒店，对方让我先转账交押金，转完就把我拉黑了，简直是诈骗 | JOINT
            我是送外卖的，站长扣我钱，我去理论，他叫人把我电瓶车砸了 | JOINT
            测试一下，这个电话通不通 | INVALID
            测试一下，这个电话通不通，我被人关在屋里了 | POLICE
            """)
    void round16HealedInjuriesGatheringAnimalsRefutedAlarmsAndAdvertsMoveWhileTheirPoliceVariantsStay(String text,
                                                                                                    Disposition disposition) {
        Classification c = classify(text);
        assertEquals(disposition, c.disposition(), () -> text + " " + c.signals());
    }
}
