"""Shared words: navigation, the kit, refusals, field messages, statuses, the PWA."""

APP_NAME = "华锦银发先锋"
APP_SHORT_NAME = "银发先锋"
APP_DESCRIPTION = "华锦社区流动老党员之家：亮明身份、文艺团队、志愿服务、学习教育、上门看望。"
COMMUNITY = "华锦社区"
DEMO_MARK = "演示数据"

WEEKDAYS = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]


class Nav:
    HOME = "首页"
    STUDY = "学习"
    ACTIVITIES = "活动"
    VISITS = "上门"
    ME = "我的"
    MESSAGES = "消息"
    MAIN_LABEL = "主导航"
    BACK = "返回"
    SKIP = "跳到正文"
    STAFF = "工作台"
    SIGN_IN = "登录"


class Kit:
    CONTINUE = "继续"
    SUBMIT = "提交"
    CHANGE = "修改"
    ERROR_SUMMARY_TITLE = "请先改正下面的问题"
    OPTIONAL = "（可不填）"
    LOADING = "正在加载……"
    TEXT_SIZE = "字体大小"
    TEXT_SIZES = {"normal": "标准", "large": "大", "xlarge": "特大"}
    READ_ALOUD = "朗读"
    STOP_READING = "停止朗读"
    YES = "是"
    NO = "否"
    NOT_ANSWERED = "未填写"
    PREV_PAGE = "上一页"
    NEXT_PAGE = "下一页"
    PAGER = "翻页"
    PAGE_BEFORE = "第 "
    PAGE_MIDDLE = " 页，共 "
    PAGE_AFTER = " 页"
    STEP_OF = "第 {step} 步，共 {total} 步"


class Err:
    """Messages for refusals that are not about one field."""

    NOT_SIGNED_IN = "请先登录。"
    NO_PERMISSION = "您没有权限做这件事。"
    ACCOUNT_DISABLED = "这个账户已停用，请联系社区工作人员。"
    BAD_REQUEST = "提交的内容不完整，请重新填写。"
    NOT_FOUND = "没有找到这条记录，它可能已被删除。"
    UNEXPECTED = "出了点问题，请稍后再试。您填写的内容没有丢失。"


class Field:
    """Messages about one field."""

    PHONE_INVALID = "请输入11位手机号码，以1开头，只填数字"
    PHONE_TAKEN = "这个手机号已经注册过了。请直接登录，或换一个号码"
    PHONE_UNKNOWN = "这个手机号还没有注册。第一次来请点“亮明身份”"
    PIN_INVALID = "请输入6位数字密码"
    PIN_WEAK = "这个密码太容易被猜到，请不要用相同或连续的数字"
    PIN_MISMATCH = "两次输入的密码不一样，请重新输入"
    PASSWORD_SHORT = "密码至少需要10个字符"
    PASSWORD_LONG = "密码不能超过128个字符"
    NAME_EMPTY = "请填写姓名"
    NAME_LONG = "姓名不能超过30个字"
    NAME_CHARS = "姓名只能用汉字、字母和间隔号“·”"
    GENDER_MISSING = "请选择性别"
    BIRTH_YEAR_INVALID = "请填写出生年份，例如 1955"
    BIRTH_YEAR_RANGE = "出生年份应在1920年到1975年之间"
    BUILDING_MISSING = "请选择楼栋"
    BUILDING_UNKNOWN = "社区里没有这栋楼，请检查楼栋号"
    UNIT_INVALID = "这栋楼没有这个单元（共 {units} 个单元）"
    ROOM_INVALID = "请填写门牌号，例如 1502（15楼02室）"
    ROOM_UNKNOWN = "这栋楼没有这个门牌号（共 {floors} 层，每层 {rooms} 户）"
    ORG_NAME_INVALID = "请填写组织关系所在的党组织名称（2到60个字）"
    ORG_PLACE_INVALID = "请填写所在省市，例如 湖北省荆州市（2到30个字）"
    PARTY_YEAR_INVALID = "请填写入党年份，例如 1978"
    PARTY_YEAR_RANGE = "入党年份应在1921年到今年之间，并且在您年满18岁以后"
    MOVED_IN_YEAR_INVALID = "请填写搬来的年份，例如 2016"
    MOVED_IN_RANGE = "搬来的时间应在1950年以后、不晚于这个月"
    MOVED_IN_MONTH_INVALID = "月份应在1到12之间"
    CHOICE_INVALID = "请从列表中选择"
    CONSENT_MISSING = "请阅读并勾选同意，才能提交"
    REASON_INVALID = "请写明不通过的原因（2到200个字），本人会看到"
    TEXT_TOO_LONG = "不能超过 {limit} 个字"
    TEXT_EMPTY = "请填写这一项"
    WHEREABOUTS_INVALID = "请写明住在哪栋楼或怎么联系（2到60个字）"
    HOW_KNOWN_INVALID = "请简单说说您是怎么知道的（2到200个字）"
    STAFF_NOTE_LONG = "备注不能超过200个字"


class Status:
    """Disclosure and referral states in plain words."""

    DISCLOSURE = {
        "draft": "还没填完",
        "pending": "等待社区核实",
        "approved": "已亮明身份",
        "rejected": "未通过，请修改后重新提交",
        "withdrawn": "已撤回",
    }
    NONE = "还没有亮明身份"
    REFERRAL = {
        "new": "新推荐",
        "following": "正在联系",
        "disclosed": "已亮明身份",
        "closed": "已结束",
    }


class Offline:
    TITLE = "现在没有网络"
    BODY = "手机暂时连不上网。已经打开过的学习材料还能看。连上网以后，请点下面的按钮刷新。"
    RETRY = "重新连接"


class Pwa:
    """The installable-app shell: offline page extras."""

    SAVED_TITLE = "没有网络也能看的学习材料"
    PAGE_TITLE = "{title} - {app}"


class Demo:
    """Marks on the demo community, so nobody takes it for real people (DESIGN §10)."""

    SUFFIX = f"（{DEMO_MARK}）"
    TITLE_PREFIX = f"【{DEMO_MARK}】"
    WELCOME_TITLE = "欢迎试用华锦银发先锋"
    WELCOME_BODY = (
        "这里是演示数据：社区里的人员、住址、党组织和消息都是编出来的，不是真人真事。"
        "可以随意点一点、填一填、审一审，不会影响任何人。"
    )
    NOTICE_TITLE = "本周六上午艺术团排练，欢迎来看"
    NOTICE_BODY = (
        "本周六上午9点，社区艺术团在党群服务中心二楼排练新节目。"
        "“巧姐姐”串珠班同一时间在一楼活动室上课，“老红帽”志愿服务队负责引导。"
        "行动不便的老党员，网格书记会上门送学习材料。"
    )
