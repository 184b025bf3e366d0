"""周周讲进家庭, the member's pages: /study, /study/<week>, its print page, read-aloud, and the
study record on /me and the home page."""


class StudyPage:
    """What the member's study pages say (the services' own words stay in text.Study)."""

    TITLE = "周周讲进家庭"
    THIS_WEEK = "本周学习"
    PAST_WEEK = "往期学习"
    WEEK_OF = "{day} 这一周"
    POINTS = "学习要点"
    QUESTIONS = "想一想"
    BODY = "学习材料正文"
    MARK = "我已学习"
    STUDIED = "已学习"
    STUDIED_HOW = "已学习（{how}）"
    NOT_STUDIED = "未学习"
    CHANGED_TAG = "有修改"
    THIS_WEEK_TAG = "本周"
    REFLECT = "写学习心得"
    PRINT = "打印 / 离线阅读"
    PRINT_HINT = "打开后存在手机里，没有网络也能看；也可以打印出来。"
    ALL_WEEKS = "每周学习材料"
    ALL_WEEKS_EMPTY = "还没有学习材料"
    NOTHING_YET = "这几天还没有发布学习材料。"
    NOTHING_YET_HINT = "社区发布后会在这里显示，请过几天再来看。"
    UNKNOWN_HINT = "可能是还没有发布，或者地址不对。请回到学习页看看每周的材料。"
    TO_STUDY = "回到学习页"
    SIGN_IN_FIRST = "学习材料是给亮明身份的老党员看的，请先登录。"
    SIGN_IN = "登录"
    JOIN_FIRST = "亮明身份并通过社区核实后，就能在这里每周学习、记录学习情况。"
    JOIN = "亮明身份"
    WAIT_FIRST = "您的亮明身份申请正在等待社区核实，通过后就能在这里学习。"
    TO_ME = "看看我的申请"
    OPEN_WEEK = "阅读 {title}"


class ReadAloud:
    """朗读: the reading controls on the study pages."""

    PLAY = "朗读"
    PAUSE = "暂停"
    RESUME = "继续"
    STOP = "停止"
    SLOWER = "慢一点"
    CONTROLS = "朗读控制"
    IDLE = "点“朗读”，手机会把这页读给您听。"
    READING = "正在朗读：第 {n} 句，共 {total} 句"
    PAUSED = "已暂停，点“继续”接着读"
    DONE = "读完了"
    NO_SPEECH = "这部手机不能朗读"


class PrintPage:
    """/study/<week>/print: the plain large-print page that works offline and prints."""

    BACK = "返回学习页"
    FOOTER = "华锦社区 · 周周讲进家庭"
    DEMO = "演示数据：本页内容为示例，不是真实的学习通知。"
    SAVED = "这一页会存在手机里，没有网络时也能打开；也可以打印出来送学上门。"
    NOT_FOUND_TITLE = "没有找到这份学习材料"
    NOT_FOUND_BODY = "可能是还没有发布，或者链接不完整。请回到学习页看看每周的材料。"


class StudyRecordText:
    """The study record on /me, and the 本周学习 card on the home page."""

    TITLE = "我的学习记录"
    WEEKS = "已学习 {count} 周"
    STREAK = "连续学习 {count} 周"
    BY_HOW = "学习方式"
    HOW_COUNT = "{how}：{count} 周"
    RECENT = "最近几周"
    EMPTY = "还没有学习记录。每周学习后点“我已学习”，就会记在这里。"
    TO_STUDY = "去学习"
    HOME_TITLE = "本周学习"
    HOME_NONE = "本周的学习材料还没有发布。"
