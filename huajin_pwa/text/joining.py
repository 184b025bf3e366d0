"""Signing in, the home page, 亮明身份 and what a member sees of it."""


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


class Behalf:
    NOT_YOUR_GRID = "这栋楼不在您负责的网格，请请社区工作人员代填"
    ALREADY_SIGNED_IN = "您已经登录了，不用再注册。"


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
