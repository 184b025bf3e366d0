"""Every user-facing string, in simplified Chinese, in one place."""

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


class Auth:
    TITLE = "登录"
    PHONE_LABEL = "手机号"
    PHONE_HINT = "请输入您注册时用的手机号"
    PIN_LABEL = "6位数字密码"
    PIN_HINT = "用下面的大数字键盘输入"
    PASSWORD_LABEL = "密码"
    PASSWORD_HINT = "工作人员和网格书记用密码登录"
    SIGN_IN = "登录"
    NEXT = "下一步"
    USE_OTHER_PHONE = "换一个手机号"
    WRONG_SECRET = "密码不正确，还可以再试 {left} 次"
    LOCKED = (
        "密码连续输错5次，账户已锁定。请在 {until} 以后再试，或请网格书记、社区工作人员帮您重置"
    )
    SIGNED_OUT = "您已退出登录"
    SIGN_OUT = "退出登录"
    KEY_CLEAR = "清空"
    KEY_DELETE = "删除"
    KEY_DIGIT = "数字 {digit}"
    PIN_ENTERED = "已输入 {count} 位，共6位"
    NO_ACCOUNT = "还没有账户？"
    JOIN_LINK = "亮明身份，注册账户"
    FORGOT_TITLE = "忘记密码？"
    FORGOT = "请找网格书记或社区工作人员当面领一个重置码，再设新密码。"


class Home:
    TITLE = "华锦银发先锋"
    WELCOME = "欢迎来到华锦社区流动老党员之家"
    INTRO = (
        "退休了，党员身份不退岗。在这里亮明身份、加入文艺团队和志愿服务队、每周学习、请求上门看望。"
    )
    JOIN_CTA = "亮明身份"
    SIGN_IN_CTA = "登录"
    HELLO = "{name}，您好"
    YOUR_STATUS = "我的身份"
    STAFF_CTA = "进入工作台"
    MESSAGES_CTA = "查看消息"
    UNREAD = "{count} 条未读消息"
    REFER_CTA = "推荐一位老党员"
    FOUR_STEPS = "华锦模式四步法"
    STEPS = [
        ("组织温暖", "节日慰问、困难帮扶、每月上门看望。"),
        ("文艺先行", "加入艺术团，以歌会友，以老带新。"),
        ("志愿服务", "29支志愿服务队，发挥余热。"),
        ("学习教育", "周周讲进家庭，夜学补课，送学上门。"),
    ]


class Join:
    TITLE = "亮明身份"
    INTRO_TITLE = "亮明党员身份"
    INTRO = [
        "您是组织关系在外地、现在住在华锦社区的退休党员吗？",
        "告诉社区您是谁、组织关系在哪里。社区工作人员核实后，您就能参加网格支部的学习、文艺团队和志愿服务，遇到困难时也能及时得到帮助。",
        "大约需要5分钟，一页只问一个问题。中途离开也没关系，下次打开会接着填。",
    ]
    START = "开始填写"
    ON_BEHALF_NOTE = "您正在为其他党员代填。提交记录里会写明由您代填。"
    ON_BEHALF_START = "为一位党员代填"
    RESUME = "继续填写"
    NAME_Q = "您叫什么名字？"
    NAME_HINT = "请填写身份证上的姓名"
    ACCOUNT_Q = "您的手机号和登录密码"
    ACCOUNT_HINT = "以后用这个手机号和6位数字密码登录。请记住密码，不要告诉别人。"
    PHONE_LABEL = "手机号"
    PIN_LABEL = "设一个6位数字密码"
    PIN_HINT = "不要用生日，也不要用相同或连续的数字"
    PIN_AGAIN_LABEL = "再输入一次密码"
    BASIC_Q = "性别和出生年份"
    GENDER_LABEL = "性别"
    GENDERS = {"male": "男", "female": "女"}
    BIRTH_YEAR_LABEL = "出生年份"
    BIRTH_YEAR_HINT = "四位数字，例如 1955"
    ADDRESS_Q = "您住在社区哪里？"
    ADDRESS_HINT = "我们按住址把您分到所在网格的党支部。"
    BUILDING_LABEL = "楼栋"
    BUILDING_OPTION = "{number}栋"
    BUILDING_CHOOSE = "请选择楼栋"
    UNIT_LABEL = "单元"
    UNIT_HINT = "数字，例如 2"
    ROOM_LABEL = "门牌号"
    ROOM_HINT = "例如 1502 表示15楼02室"
    ORG_Q = "您的组织关系在哪里？"
    ORG_HINT = "就是您的党组织关系现在所在的党组织。"
    ORG_NAME_LABEL = "党组织名称"
    ORG_NAME_HINT = "例如 荆州市某某局退休党支部"
    ORG_PLACE_LABEL = "所在省市"
    ORG_PLACE_HINT = "例如 湖北省荆州市"
    PARTY_YEAR_LABEL = "入党年份"
    PARTY_YEAR_HINT = "四位数字，例如 1978"
    MOVED_IN_Q = "您是什么时候搬来华锦社区的？"
    MOVED_IN_YEAR_LABEL = "年份"
    MOVED_IN_YEAR_HINT = "四位数字，例如 2016"
    MOVED_IN_MONTH_LABEL = "月份"
    MOVED_IN_MONTH_HINT = "记不清可以不填"
    NEEDS_Q = "生活上需要照顾吗？"
    NEEDS_WHY = "这两个问题可以不答。回答了，网格党支部会每月上门看望，学习材料也可以送到家里。只有您本人、所在网格的书记和社区工作人员能看到。"
    MOBILITY_LABEL = "您行动不便吗？（出门困难）"
    DIFFICULTY_LABEL = "家里有困难吗？（生活、经济或照护上的困难）"
    PREFER_NOT = "不想回答"
    HOBBIES_Q = "您喜欢什么，想参加什么？"
    HOBBIES_HINT = "可以选多个，也可以都不选。"
    HOBBIES_LABEL = "爱好"
    HOBBIES = {
        "sing": "唱歌",
        "dance": "跳舞",
        "instrument": "乐器",
        "opera": "戏曲",
        "calligraphy": "书法绘画",
        "handcraft": "手工串珠",
        "taichi": "太极健身",
        "reading": "读书看报",
    }
    WISHES_LABEL = "想做的事"
    WISHES = {
        "arts": "参加文艺团队",
        "patrol": "平安巡逻",
        "elderly_care": "关爱困难老人",
        "environment": "环境卫生",
        "mediation": "邻里调解",
        "charity_sale": "爱心义卖",
        "teaching": "教手艺、讲党课",
    }
    CONSENT_Q = "个人信息怎么使用"
    CONSENT_TEXT = [
        "您填写的信息只用于华锦社区党组织联系、服务和管理流动党员，不会用于其他用途，也不会提供给社区以外的人。",
        "您的手机号、住址和生活情况，只有您本人、所在网格的党支部书记和社区工作人员能看到。",
        "您可以随时在“我的”页面查看，也可以请社区工作人员更正或删除。",
        "以上依照《中华人民共和国个人信息保护法》办理。",
    ]
    CONSENT_LABEL = "我已阅读并同意以上说明"
    CHECK_Q = "请核对您填写的内容"
    CHECK_HINT = "有不对的地方，点“修改”改正。"
    SUBMIT = "确认提交"
    DONE_TITLE = "已提交，谢谢您！"
    DONE_NEXT = [
        "社区工作人员会在3个工作日内核实您的信息。",
        "核实后，您会在“消息”里收到通知，“我的”页面会显示“已亮明身份”。",
        "所在网格的党支部书记可能会打电话或上门认识您。",
    ]
    DONE_ON_BEHALF = "代填已提交。请告诉这位党员：用刚才的手机号和6位密码就能登录查看进度。"
    TO_ME = "去“我的”页面"
    TO_HOME = "回到首页"
    ALREADY_PENDING = "您的身份信息已经提交，正在等社区核实。"
    ALREADY_APPROVED = "您已经亮明身份了。"
    FIELD_LABELS = {
        "name": "姓名",
        "phone": "手机号",
        "gender": "性别",
        "birth_year": "出生年份",
        "address": "住址",
        "grid": "所在网格",
        "org": "组织关系",
        "party_year": "入党年份",
        "moved_in": "搬来时间",
        "mobility_limited": "行动不便",
        "family_difficulty": "家庭困难",
        "hobbies": "爱好",
        "wishes": "想做的事",
        "consent": "同意信息使用说明",
        "filled_by": "代填人",
    }
    ADDRESS_FORMAT = "{building}栋{unit}单元{room}室"
    MOVED_IN_FORMAT = "{year}年{month}月"
    MOVED_IN_YEAR_ONLY = "{year}年"
    CONSENT_GIVEN = "已同意"
    INCOMPLETE = "还有没填完的内容：{fields}"
    NOT_EDITABLE = "这份信息已经提交，不能再修改了。"


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


class Me:
    TITLE = "我的"
    BADGE = "已亮明身份"
    STATUS = "身份状态"
    GRID = "所在网格"
    ROLES = "我的角色"
    ROLE_NAMES = {
        "member": "党员",
        "leader": "队长",
        "secretary": "网格书记",
        "staff": "社区工作人员",
        "admin": "管理员",
    }
    REASON = "不通过的原因：{reason}"
    FIX_AND_RESUBMIT = "修改后重新提交"
    CONTINUE_DRAFT = "接着填写"
    START_JOIN = "亮明身份"
    WITHDRAW = "撤回申请"
    WITHDRAW_ASK = "撤回以后，社区就不再核实这份信息。以后可以重新填写提交。确定要撤回吗？"
    WITHDRAW_YES = "确定撤回"
    WITHDRAW_NO = "不撤回"
    WITHDRAWN = "已撤回。需要时可以重新提交。"
    REFERRALS = "以老带新"
    REFERRAL_CREDIT = "您推荐了 {total} 位，其中 {disclosed} 位已亮明身份"
    REFER = "推荐一位老党员"
    SUBMITTED_ON = "提交于 {date}"
    FILLED_BY = "由 {name} 代填"


class Refer:
    TITLE = "推荐一位老党员"
    INTRO = "您身边有组织关系在外地的退休党员吗？告诉社区，工作人员会去认识他（她）。"
    NAME_LABEL = "他（她）的姓名"
    WHEREABOUTS_LABEL = "住在哪里或怎么联系"
    WHEREABOUTS_HINT = "例如 3栋2单元，或者电话号码"
    HOW_KNOWN_LABEL = "您是怎么知道的？"
    HOW_KNOWN_HINT = "例如 一起在艺术团唱歌时他提到过"
    SUBMIT = "提交推荐"
    DONE = "谢谢您的推荐！社区工作人员会去联系。"
    ONLY_MEMBERS = "亮明身份并通过核实后，才能推荐其他党员。"


class Inbox:
    TITLE = "消息"
    EMPTY = "还没有消息"
    EMPTY_HINT = "社区的通知、审核结果都会发到这里。"
    UNREAD = "未读"
    MARK_READ = "标为已读"
    MARK_ALL_READ = "全部标为已读"
    OPEN_LINK = "去看看"
    SUBMITTED_TITLE = "身份信息已提交"
    SUBMITTED_BODY = "您的亮明身份信息已提交，社区工作人员会尽快核实。"
    APPROVED_TITLE = "您已亮明身份"
    APPROVED_BODY = (
        "社区已核实您的党员身份，欢迎加入{grid}党支部！现在可以参加学习、文艺团队和志愿服务了。"
    )
    REJECTED_TITLE = "身份信息需要修改"
    REJECTED_BODY = "您提交的身份信息没有通过核实。原因：{reason}。请修改后重新提交。"
    REFERRAL_CREDIT_TITLE = "您推荐的党员已亮明身份"
    REFERRAL_CREDIT_BODY = "您推荐的{name}已经亮明身份。谢谢您以老带新！"


class Staff:
    TITLE = "工作台"
    COUNTS = "社区概况"
    DISCLOSED = "已亮明身份"
    PENDING = "待核实"
    REFERRALS_OPEN = "待跟进的推荐"
    BY_GRID = "各网格已亮明身份人数"
    GRID_ROW = "{grid}：{count} 人"
    QUEUE = "待核实的身份信息"
    QUEUE_EMPTY = "没有待核实的身份信息"
    FILTER_GRID = "按网格筛选"
    SEARCH = "姓名或手机号（可不填）"
    FILTER = "筛选"
    ALL_GRIDS = "全部网格"
    NO_GRID = "未分网格"
    OPEN = "查看"
    DETAIL = "身份信息"
    APPROVE = "核实通过"
    REJECT = "不通过"
    REJECT_REASON = "不通过的原因"
    REJECT_REASON_HINT = "本人会看到这句话，请写明要改什么"
    APPROVED = "已核实通过，已通知本人。"
    REJECTED = "已退回，已通知本人。"
    ALREADY_REVIEWED = "这份信息已经由 {name} 处理过了（{status}）。"
    NOT_PENDING = "这份信息现在不是待核实状态。"
    BACK_TO_QUEUE = "返回待核实列表"
    REFERRAL_LIST = "以老带新推荐"
    REFERRAL_EMPTY = "还没有推荐"
    REFERRED_BY = "推荐人：{name}"
    FOLLOW_UP = "标为正在联系"
    CLOSE = "结束跟进"
    LINK_PHONE = "已亮明身份者的手机号"
    LINK_PHONE_HINT = "填写他（她）注册时用的手机号，把推荐和身份信息关联起来"
    LINK = "关联"
    STAFF_NOTE = "备注"
    SAVED = "已保存。"
    LINK_NOT_FOUND = "这个手机号还没有提交亮明身份信息"
    SUBMITTED_AT = "提交时间"
    ON_BEHALF = "代填"
    FILL_ON_BEHALF = "为党员代填亮明身份"


class Offline:
    TITLE = "现在没有网络"
    BODY = "手机暂时连不上网。已经打开过的学习材料还能看。连上网以后，请点下面的按钮刷新。"
    RETRY = "重新连接"


class Audit:
    """Audit actions are stored as codes; these are their names."""

    ACTIONS = {
        "account_locked": "账户锁定",
        "disclosure_on_behalf": "代填身份信息",
        "disclosure_submitted": "代为提交身份信息",
        "disclosure_approved": "核实通过",
        "disclosure_rejected": "退回身份信息",
        "referral_updated": "跟进推荐",
        "referral_linked": "关联推荐",
        "account_created": "创建账户",
        "role_granted": "授予角色",
        "role_revoked": "取消角色",
        "account_disabled": "停用账户",
        "account_enabled": "启用账户",
        "pin_reset_issued": "生成密码重置码",
        "pin_reset_used": "用重置码设新密码",
        "account_unlocked": "解除锁定",
    }


class Behalf:
    NOT_YOUR_GRID = "这栋楼不在您负责的网格，请请社区工作人员代填"
    ALREADY_SIGNED_IN = "您已经登录了，不用再注册。"


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


class Pwa:
    """The installable-app shell: offline page extras."""

    SAVED_TITLE = "没有网络也能看的学习材料"
    PAGE_TITLE = "{title} - {app}"


class StaffReferral:
    STATUS_LABEL = "跟进情况"
    STATUSES = {"following": "正在联系", "closed": "结束跟进"}
    SAVE = "保存跟进"
    SHOW_ALL = "显示全部推荐"
    SHOW_OPEN = "只看待跟进的"
    HOW_KNOWN = "怎么知道的：{text}"
    WHEREABOUTS = "住址或联系方式：{text}"
    NOTE = "备注：{text}"


class Soon:
    """Sections of the bottom navigation that open in a later release."""

    TITLES = {"study": "学习", "activities": "活动"}
    BODY = {
        "study": "每周学习材料、朗读和学习心得将在这里开放。现在请参加所在网格党支部的“周周讲”。",
        "activities": "文艺团队、志愿服务队和社区活动日历将在这里开放。",
    }
    BACK_HOME = "回到首页"


class ReferralRule:
    """Refusals when following up a referral."""

    ALREADY_LINKED = "这条推荐已经关联了亮明身份信息，不用再跟进。"


class Reset:
    """Forgotten PIN: a one-time code handed over in person, then a new PIN."""

    HELPER_TITLE = "帮党员重置密码"
    HELPER_INTRO = "党员忘记了6位数字密码时，请当面核对本人身份，再生成重置码告诉本人。重置码只能用一次，24小时内有效。"
    HELPER_PHONE = "党员的手机号"
    HELPER_SUBMIT = "生成重置码"
    CODE_FOR = "{name}（{phone}）的重置码"
    CODE_HINT = "请把这8位数字当面告诉本人。他（她）在登录页点“用重置码设新密码”就能设新密码。"
    CODE_EXPIRES = "有效期到 {until}"
    ANOTHER = "再为一位党员重置"
    NOT_PIN_ACCOUNT = "这个账户用密码登录，请找管理员重置"
    NOT_YOUR_MEMBER = "这位党员不在您负责的网格，请找社区工作人员"
    TITLE = "用重置码设新密码"
    INTRO = "忘记密码时，请找网格书记或社区工作人员当面领一个8位重置码，然后在这里设一个新的6位数字密码。"
    CODE_LABEL = "重置码"
    CODE_HINT_FIELD = "8位数字"
    NEW_PIN = "新的6位数字密码"
    NEW_PIN_AGAIN = "再输入一次新密码"
    SUBMIT = "设新密码并登录"
    CODE_INVALID = "重置码不对或已过期，请找网格书记或社区工作人员重新领取"
    CODE_FORMAT = "重置码是8位数字"
    DONE = "新密码已设好，您已登录。"
    LINK = "忘记密码？用重置码设新密码"
    MESSAGE_TITLE = "您的登录密码已重置"
    MESSAGE_BODY = "您的6位数字密码已经重新设置，其他手机上的登录已退出。如果不是您本人操作，请马上联系网格书记。"


class AuditLog:
    TITLE = "操作记录"
    INTRO = "谁在什么时候改了别人的信息，都记在这里。"
    SYSTEM = "系统"
    EMPTY = "还没有操作记录"


class Accounts:
    """Staff managing accounts: find by phone, roles, disable, unlock."""

    TITLE = "账户和角色"
    INTRO = "按手机号找到账户，可以授予或取消角色、停用账户、解除锁定。改动马上生效，对方下一次操作就按新的权限。"
    FIND = "查找账户"
    PHONE = "手机号"
    STATE = "账户状态"
    ACTIVE = "正常"
    DISABLED = "已停用"
    LOCKED = "已锁定（密码输错太多次）"
    SIGN_IN_KIND = {"pin": "6位数字密码登录", "password": "密码登录"}
    ROLES = "角色"
    NO_ROLES = "还没有角色"
    REVOKE = "取消"
    GRANT = "授予角色"
    ROLE = "角色"
    ROLE_CHOOSE = "请选择角色"
    GRID = "网格（只对网格书记）"
    GRID_CHOOSE = "请选择网格"
    DISABLE = "停用账户"
    ENABLE = "重新启用账户"
    UNLOCK = "解除锁定"
    SAVED = "已保存，马上生效。"
    ROLE_MISSING = "请选择要授予的角色"
    GRID_MISSING = "授予网格书记时请选择网格"
    OTHER = "查找其他账户"
    NOT_OWN_ADMIN = "不能取消自己的管理员角色，请另一位管理员操作"


class Visit:
    """上门看望: the words of the visit rules (member side and shared)."""

    REASONS = {
        "chat": "看望聊天",
        "help": "困难帮扶",
        "study": "送学上门",
        "health": "健康关怀",
        "other": "其他",
    }
    HOLIDAY = "节日慰问"
    PARTS = {"am": "上午", "pm": "下午", "eve": "晚上"}
    ANY_PART = "全天都行"
    SOON = "尽快"
    STATUS = {
        "received": "已收到",
        "scheduled": "已安排",
        "done": "已完成",
        "cancelled": "已取消",
        "declined": "未能安排",
    }
    SOURCES = {"request": "本人请求", "logged": "主动看望", "campaign": "节日慰问"}
    REASON_INVALID = "请从列表中选择上门的原因"
    PART_INVALID = "请选择上午、下午或晚上"
    WISH_DAY_INVALID = "请选择一个日子，或选“尽快”"
    WISH_DAY_RANGE = "请选择从明天起14天以内的日子"
    NOTE_LONG = "补充说明不能超过500个字"
    NOT_DISCLOSED = "亮明身份并通过审核后，就可以请求上门看望。"
    NOT_YOURS = "这不是您的上门请求。"
    CANNOT_CANCEL = "这次上门现在是“{status}”，不能再取消了。"
    ALREADY_OPEN = "您已经请求过“{reason}”，社区正在办理，不用再请求一次。"
    # messages to the member
    RECEIVED_TITLE = "已收到您的上门请求"
    RECEIVED_BODY = "您请求的“{reason}”已收到，网格书记会尽快联系您安排时间。"
    SCHEDULED_TITLE = "上门时间已安排"
    SCHEDULED_BODY = "{visitor}将于{day}{part}上门看望您（{reason}）。"
    RESCHEDULED_TITLE = "上门时间有变动"
    VISITOR_TITLE = "请您上门看望一位党员"
    VISITOR_BODY = "{secretary}请您于{day}{part}上门看望{name}（{reason}），电话 {phone}。"
    DECLINED_TITLE = "上门请求暂时未能安排"
    DECLINED_BODY = (
        "您请求的“{reason}”暂时未能安排，原因：{why}。如有需要可以再次请求，或给网格书记打电话。"
    )
    DONE_TITLE = "上门看望已完成"
    DONE_BODY = "{day}的上门看望已登记完成。感谢您的信任，有需要随时再请求。"
    CANCELLED_TITLE = "您已取消上门请求"
    CANCELLED_BODY = "您已取消“{reason}”的上门请求。需要时可以再次请求。"
    # messages to the grid's secretaries
    NEW_REQUEST_TITLE = "新的上门请求"
    NEW_REQUEST_BODY = "{name}请求“{reason}”，希望的时间：{when}。"
    MEMBER_CANCELLED_TITLE = "上门请求已被本人取消"
    MEMBER_CANCELLED_BODY = "{name}取消了“{reason}”的上门请求。"


class VisitWork:
    """The grid secretary's visit work: the words of its rules."""

    NOT_YOUR_GRID = "这位党员不在您负责的网格，您不能处理。"
    NOT_A_MEMBER = "没有找到这位已亮明身份的党员。"
    DAY_INVALID = "请选择日期"
    SCHEDULE_RANGE = "上门日期应在今天到60天以内"
    VISITED_RANGE = "看望日期不能晚于今天，也不能早于60天前"
    VISITED_BEFORE_REQUEST = "看望日期不能早于请求提出的日子"
    VISITOR_UNKNOWN = "这个手机号不是本网格支部的党员或书记，请检查；不填就是您自己去"
    DECLINE_REASON_INVALID = "请写明不能安排的原因（2到200个字）"
    OUTCOME_INVALID = "请简单写一下看望的情况（2到500个字）"
    FOLLOW_UP_LONG = "这一项不能超过200个字"
    CANNOT_SCHEDULE = "这次上门现在是“{status}”，不能再安排时间。"
    CANNOT_DECLINE = "这次上门现在是“{status}”，不能再退回。"
    CANNOT_RECORD = "这次上门现在是“{status}”，不能再登记完成。"
    CHANGED_BY = "这条记录刚刚已由{name}处理，现在是“{status}”。请看最新情况。"
    CHANGED = "这条记录刚刚有了变化，现在是“{status}”。请看最新情况。"


class Care:
    """Health and help records: the words of their rules."""

    NOT_ALLOWED = "只有本人、所在网格的书记和社区工作人员可以查看这份记录。"
    HAS_RECORD_MISSING = "请选择是否已在社区卫生服务中心建立健康档案"
    SINCE_INVALID = "请填写建档日期，不能晚于今天"
    HELP_WHAT_INVALID = "请写明帮扶的内容（2到100个字）"
    HELP_DAY_INVALID = "请填写帮扶的日期，不能晚于今天，也不能早于2000年"
    HELP_BY_INVALID = "请写明由谁帮扶（1到30个字），例如 社区、爱之翼志愿队"


class Campaign:
    """节日慰问 campaigns: the words of their rules."""

    AUDIENCES = {
        "all": "全部已亮明身份的党员",
        "difficulty": "家庭困难的党员",
        "mobility": "行动不便的党员",
        "grid": "某一个网格的党员",
    }
    NAME_INVALID = "请填写活动名称（2到30个字），例如 春节慰问"
    START_INVALID = "请填写开始日期"
    END_INVALID = "请填写结束日期，不能早于开始日期，也不能早于今天"
    SPAN_LONG = "一次慰问最长90天"
    START_RANGE = "开始日期应在一年以内"
    AUDIENCE_INVALID = "请选择慰问对象"
    GRID_MISSING = "请选择网格"
    NOBODY = "没有符合条件的党员，没有创建慰问任务。"
    TASKS_TITLE = "节日慰问任务：{name}"
    TASKS_BODY = "“{name}”在您的网格有{count}位党员待看望，请在{end}前完成。"


class VisitPage:
    """/visits and /visits/new: the member's pages."""

    TITLE = "上门看望"
    REQUEST = "请求上门"
    INTRO = "需要有人上门看望、帮忙或送学，点“请求上门”，三步就好。"
    MINE = "我的上门"
    EMPTY = "还没有上门记录"
    EMPTY_HINT = "需要时点上面的“请求上门”。"
    TO_JOIN = "去亮明身份"
    TO_ME = "查看我的身份审核"
    PROGRESS = "进度"
    STEPS = ("已收到", "已安排", "已完成")
    ASKED_ON = "提出日期：{day}"
    WISH = "希望的时间：{when}"
    SCHEDULED = "上门时间：{day} {part}"
    VISITOR = "上门的人：{name}"
    DONE_ON = "看望日期：{day}"
    OUTCOME = "看望情况：{outcome}"
    DECLINED = "未能安排的原因：{why}"
    YOUR_NOTE = "您的补充说明：{note}"
    CANCEL = "取消这次上门"
    CANCEL_ASK = "确定取消？"
    CANCEL_YES = "是的，取消"
    CANCEL_NO = "不取消"
    CANCELLED = "已取消这次上门。需要时可以再次请求。"
    CREATED = "已提交。网格书记会尽快联系您安排时间，有变化会发到“消息”里。"
    CARE_TITLE = "我的健康档案与帮扶"
    HEALTH = "健康档案"
    HEALTH_YES = "已在社区卫生服务中心建立"
    HEALTH_SINCE = "建档日期：{day}"
    HEALTH_NO = "还没有建立。需要的话可以请网格书记帮忙。"
    HEALTH_UNKNOWN = "还没有登记。可以问问网格书记。"
    HELPS = "最近的帮扶"
    HELPS_EMPTY = "还没有帮扶记录"
    HELP_BY = "帮扶人：{by}"
    HISTORY = "上门看望记录"
    HISTORY_LINK = "查看上门看望记录"
    HISTORY_EMPTY = "还没有完成的上门看望"
    HISTORY_COUNT = "已完成 {count} 次上门看望"
    TO_VISITS = "回到上门看望"
    # the three request pages
    STEP = "第 {step} 步，共 3 步"
    REASON_TITLE = "请人上门做什么？"
    REASON_HINT = "点一下就选好了。"
    ALREADY_ASKED = "已经请求过，正在办理"
    SEE_PROGRESS = "查看进度"
    WHEN_TITLE = "您希望什么时候来？"
    SOON_HINT = "不挑日子，越快越好"
    OR_DAY = "或者选一个日子"
    PART_LEGEND = "先选时间段（不选就是全天都行）"
    TOMORROW = "明天"
    DAY_AFTER = "后天"
    NOTE_TITLE = "还有要补充的吗？"
    ASKED_FOR = "上门做什么"
    ASKED_WHEN = "什么时候"
    NOTE_LABEL = "补充说明（可以不填）"
    NOTE_HINT = "例如家里的困难、怎么找到您家。可以用手机的语音输入，最多500个字。"
    SUBMIT = "提交"
    BAD_LINK = "这个链接不完整或已过期，请从头选一次。"
    START_AGAIN = "从头开始"
    # the home page
    GRID_WORK = "网格工作"
    MY_VISITS = "看看我请求的上门"


class SecretaryPage:
    """/secretary/...: the grid secretary's pages."""

    TITLE = "网格书记"
    NAV_LABEL = "网格书记的工作"
    NAV = {
        "requests": "上门请求",
        "tasks": "节日慰问",
        "duty": "每月必访",
        "members": "本网格党员",
    }
    COUNT_SUFFIX = "项"
    GRID_FILTER = "看哪个网格"
    ALL_GRIDS = "全部网格"
    FILTER = "查看"
    REQUESTS_TITLE = "上门请求"
    REQUESTS_LEAD = "本网格党员请求上门看望，先提出的排在前面。"
    REQUESTS_EMPTY = "现在没有待处理的上门请求"
    TASKS_TITLE = "节日慰问"
    TASKS_LEAD = "社区布置的节日慰问任务，请在期限前逐户上门看望。"
    TASKS_EMPTY = "现在没有待完成的节日慰问任务"
    DUTY_TITLE = "{month}月 每月必访"
    DUTY_LEAD = "家庭困难的党员，每个月都要上门看望一次。还没看望的排在前面。"
    DUTY_ALERT = (
        "今天已是{today}日：标着“⚠ 已到{day}日仍未看望”的党员，本月还没有人上门，请尽快安排。"
    )
    DUTY_LEFT = "本月还有 {count} 位未看望"
    DUTY_ALL_DONE = "本月都已看望"
    DUTY_EMPTY = "没有登记为家庭困难的党员"
    VISITED = "本月已看望"
    NOT_VISITED = "本月未看望"
    OVERDUE = "⚠ 已到{day}日仍未看望"
    LOG_VISIT = "登记看望"
    MEMBERS_TITLE = "本网格党员"
    MEMBERS_COUNT = "共 {count} 位已亮明身份的党员"
    MEMBERS_FOUND = "找到 {count} 位"
    SEARCH_LABEL = "按姓名或手机号查找"
    SEARCH_HINT = "手机号请填完整的11位"
    SEARCH = "查找"
    SEARCH_CLEAR = "显示全部党员"
    MEMBERS_EMPTY = "没有找到这位党员"
    MEMBERS_EMPTY_HINT = "请检查姓名或手机号"
    NO_MEMBERS = "这个网格还没有已亮明身份的党员"
    AGE = "{age}岁"
    CALL = "拨打"
    MOBILITY = "行动不便"
    DIFFICULTY = "家庭困难"
    LAST_VISIT = "上次看望：{day}"
    NEVER_VISITED = "从未看望"
    REASON = "事由：{reason}"
    WISH = "希望时间：{when}"
    ASKED = "提出日期：{day}"
    NOTE = "补充说明：{note}"
    SCHEDULED = "{day} {part}，{visitor}上门"
    CAMPAIGN = "慰问活动：{name}"
    DEADLINE = "完成期限：{day}"
    TASK_WAITING = "待看望"
    HANDLE = "处理"
    RECORD = "看望记录"
    NO_ADDRESS = "住址未登记"


class SecretaryVisitPage:
    """/secretary/visit/<id> and /secretary/member/<id>: one visit, one member's care record."""

    # /secretary/visit/<id>
    TITLE = "上门看望"
    BACK = "返回上门请求"
    BACK_TASKS = "返回慰问任务"
    ABOUT_MEMBER = "看望谁"
    ADDRESS = "住址"
    AGE = "年龄"
    AGE_VALUE = "{age}岁"
    PHONE = "电话"
    CALL = "打电话给{name}"
    MOBILITY = "行动不便"
    DIFFICULTY = "家庭困难"
    LAST_VISIT = "上次看望"
    NEVER_VISITED = "还没有看望记录"
    MEMBER_RECORD = "查看看望和帮扶记录"
    ABOUT_VISIT = "这次上门"
    REASON = "原因"
    CAMPAIGN_REASON = "节日慰问：{name}"
    SOURCE = "来源"
    WISH = "希望的时间"
    NOTE = "补充说明"
    NOTHING = "没有"
    PROGRESS = "进展"
    STATUS = "现在"
    ASKED_ON = "提出请求"
    TASK_ON = "慰问任务下达"
    LOGGED_ON = "登记日期"
    PLAN = "安排上门"
    PLAN_VALUE = "{day} {part}"
    VISITOR = "上门的人"
    VISITED_ON = "看望日期"
    OUTCOME = "看望情况"
    HELP_NEED = "帮扶需求"
    HEALTH_CONCERN = "健康情况"
    STUDY_AT_HOME = "送学上门"
    CANCELLED_ON = "本人取消"
    DECLINED_ON = "不能安排"
    DECLINE_REASON_SHOWN = "不能安排的原因"
    HANDLED_BY = "经办人"
    CLOSED = "这次上门已经结束，下面是它的记录，不能再修改。"
    # the forms on an open visit
    SCHEDULE = "安排上门"
    RESCHEDULE = "改期"
    RESCHEDULE_INTRO = "已经安排好了。时间或人有变动，改好后保存，本人会收到通知。"
    DAY = "上门日期"
    DAY_HINT = "今天起60天以内"
    PART = "上午、下午还是晚上？"
    VISITOR_PHONE = "谁去（手机号）"
    VISITOR_HINT = "不填就是您自己去"
    SCHEDULE_SUBMIT = "确认安排"
    RESCHEDULE_SUBMIT = "保存改期"
    DECLINE = "不能安排"
    DECLINE_INTRO = "实在安排不了时，写明原因退回。本人会看到原因。"
    DECLINE_REASON = "不能安排的原因"
    DECLINE_HINT = "2到200个字，例如 这周书记外出学习，请下周再约"
    DECLINE_SUBMIT = "不能安排，退回"
    RECORD = "登记已看望"
    RECORD_INTRO = "看望回来后，在这里登记。"
    VISITED_ON_LABEL = "哪天看望的"
    VISITED_ON_HINT = "不能晚于今天，也不能早于60天前"
    OUTCOME_LABEL = "看望情况"
    OUTCOME_HINT = "简单写几句（2到500个字）"
    FOLLOW_UPS = "需要跟进的事（没有就不填）"
    HELP_NEED_LABEL = "帮扶需求"
    HELP_NEED_HINT = "例如 需要帮忙买药，最多200个字"
    HEALTH_LABEL = "健康情况"
    HEALTH_HINT = "例如 血压偏高，提醒复查，最多200个字"
    STUDY_LABEL = "这次送了学习材料上门（送学上门）"
    RECORD_SUBMIT = "登记已看望"
    # notices
    SCHEDULED = "已安排上门，已通知本人。"
    RESCHEDULED = "已改期，已通知本人。"
    DECLINED = "已退回，已通知本人。"
    DECLINED_TASK = "已记下不能安排的原因。"
    RECORDED = "已登记看望完成，已通知本人。"
    # /secretary/member/<id>
    MEMBER_TITLE = "党员记录"
    BACK_MEMBERS = "返回党员名单"
    ABOUT_PERSON = "基本情况"
    GRID = "所在网格"
    HEALTH = "健康档案"
    HEALTH_YES = "已在社区卫生服务中心建档"
    HEALTH_SINCE = "建档日期：{day}"
    HEALTH_NO = "还没有在社区卫生服务中心建档"
    HEALTH_UNKNOWN = "还没有登记过"
    HEALTH_Q = "是否已在社区卫生服务中心建立健康档案？"
    HEALTH_CHOICES = {"yes": "已建档", "no": "没有建档"}
    SINCE_LABEL = "建档日期"
    SINCE_HINT = "记不清可以填大概的日子"
    HEALTH_SUBMIT = "保存健康档案"
    HEALTH_SAVED = "健康档案已保存。"
    HELPS = "帮扶记录"
    HELPS_EMPTY = "还没有帮扶记录"
    HELPS_TOTAL = "共{total}条"
    HELP_LINE = "{day}，{by}"
    ADD_HELP = "添加一条帮扶记录"
    HELP_WHAT = "帮扶内容"
    HELP_WHAT_HINT = "例如 送米面油、帮忙申请临时救助（2到100个字）"
    HELP_ON = "帮扶日期"
    HELP_BY = "由谁帮扶"
    HELP_BY_HINT = "例如 社区、爱之翼志愿队"
    HELP_SUBMIT = "保存帮扶记录"
    HELP_SAVED = "帮扶记录已保存。"
    VISITS = "看望记录"
    VISITS_EMPTY = "还没有完成的看望"
    VISITS_TOTAL = "共{total}次"
    VISIT_BY = "看望人：{name}"
    STUDY_DONE = "已送学上门"
    LOG = "登记一次看望"
    LOG_INTRO = "没有人请求、您主动去看望时（每月走访、顺路看望），在这里登记。"
    LOG_REASON = "看望的原因"
    LOG_SUBMIT = "登记这次看望"
    LOGGED = "已登记这次看望，已通知本人。"


class CampaignPage:
    """/staff/campaigns and the visit figures on /staff."""

    # the visit figures on /staff
    VISITS_HEADING = "上门看望"
    VISITS_THIS_MONTH = "本月上门看望（次）"
    OPEN_HEADING = "等待安排的上门请求（按已等待的天数）"
    OPEN_AGES = ("3天内", "4到7天", "超过7天")
    OPEN_COUNT = "{count} 个"
    DIFFICULTY_HEADING = "困难党员本月看望情况"
    DIFFICULTY_ROW = "困难党员 {total} 人，本月未看望 {unvisited} 人"
    ALL_VISITED = "本月都已看望"
    SOME_UNVISITED = "{count} 人本月未看望"
    NO_DIFFICULTY = "没有困难党员"
    TO_CAMPAIGNS = "节日慰问"
    # /staff/campaigns
    TITLE = "节日慰问"
    INTRO = "发起一次节日慰问，会为每位符合条件的党员生成一个上门看望任务，交给所在网格的书记去办。"
    LIST_HEADING = "慰问活动"
    LIST_EMPTY = "还没有节日慰问活动"
    LIST_EMPTY_HINT = "用下面的表格发起第一次慰问。"
    DATES = "{start} 至 {end}"
    AUDIENCE = "慰问对象：{who}"
    AUDIENCE_GRID = "{grid}的党员"
    DONE_OF = "已完成 {done} / {total}"
    PROGRESS_OF = "{what}的完成进度"
    STATES = {"waiting": "未开始", "running": "进行中", "ended": "已结束"}
    OPEN = "查看进度"
    NEW_HEADING = "发起节日慰问"
    NAME = "活动名称"
    NAME_HINT = "例如 春节慰问、重阳节慰问"
    STARTS_ON = "开始日期"
    ENDS_ON = "结束日期"
    ENDS_ON_HINT = "不能早于今天，整个活动最长90天"
    AUDIENCE_LEGEND = "慰问对象"
    GRID = "哪个网格"
    GRID_CHOOSE = "请选择网格"
    CREATE = "发起慰问"
    MADE = "已发起“{name}”，为 {count} 位党员生成了看望任务，并已通知各网格书记。"
    # /staff/campaigns/<id>
    DETAIL = "慰问进度"
    BY_GRID = "各网格进度"
    TOTAL = "全部网格合计"
    ENDED_STATEMENT = "活动已结束，以下任务未完成"
    UNFINISHED = "尚未完成"
    ALL_DONE = "全部任务都已完成"
    TASK_STATES = {"received": "待安排", "scheduled": "已安排"}
    CALL = "打电话给{name}"
    BACK = "返回节日慰问"


class Study:
    """周周讲进家庭: study materials and members' study record (services/study*.py)."""

    HOW = {"self": "自学", "home": "送学上门", "night": "夜学补课"}
    WEEK_INVALID = "请填写这份材料属于哪一周（那一周的星期一，例如 2026-06-08）"
    WEEK_NOT_MONDAY = "请填写那一周的星期一"
    WEEK_RANGE = "周次只能在两年前到一年后之间"
    WEEK_TAKEN = "这一周已经有学习材料了，请到那一周去修改"
    TITLE_INVALID = "标题请写2到40个字"
    BODY_INVALID = "正文请写20到20000个字"
    POINTS_COUNT = "学习要点请写3到5条，每行一条"
    POINT_INVALID = "每条学习要点请写2到60个字"
    QUESTIONS_COUNT = "思考题请写1到5个，每行一个"
    QUESTION_INVALID = "每个思考题请写2到100个字"
    PUBLISH_INVALID = "请填写发布日期，例如 2026-06-08"
    PUBLISH_RANGE = "发布日期只能在两年前到一年后之间"
    STALE = "{name}刚刚修改并保存了这份材料（第{version}版），请刷新后在最新版本上修改。"
    NOT_PUBLISHED = "这一周的学习材料还没有发布，发布后才能学习。"
    UNKNOWN_WEEK = "没有找到这一周的学习材料。"
    MEMBER_ONLY = "亮明身份并通过审核后，才能记录学习。"
    MARKED = "已记下：您学习了“{title}”。"
    ALREADY = "您已经学习过“{title}”了。"
    CHANGED = "您学习后，这份材料有了修改，可以再看一看。"
